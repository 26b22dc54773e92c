# Memory limit exceeded: a table of every subarray's sum, sums[i * n + j] = sum(nums[i:j + 1])
# (one flat list, as an n × n array in C), each row built from the one before. Right, but it
# has n^2 cells: 10^10 for n = 10^5, 80 GB of references.
def count_subarrays(nums, k):
    n = len(nums)
    sums = [0] * (n * n)
    count = 0
    for i in range(n):
        total = 0
        for j in range(i, n):
            total += nums[j]
            sums[i * n + j] = total
            if total == k:
                count += 1
    return count
