# Count with a dict, then keep a min-heap of the k best (count, value) pairs: O(n log k).
import heapq


def top_k_frequent(nums, k):
    counts = {}
    for value in nums:
        counts[value] = counts.get(value, 0) + 1
    heap = []
    for value, count in counts.items():
        if len(heap) < k:
            heapq.heappush(heap, (count, value))
        elif k and count > heap[0][0]:
            heapq.heapreplace(heap, (count, value))
    return [value for _, value in heap]
