# Time limit exceeded: the right O(n^2) table ("longest run ending at i", from every earlier
# j), rebuilt from the best end: about 2·10^10 steps at n = 2·10^5.


def lis(nums):
    n = len(nums)
    length = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if nums[j] < nums[i] and length[j] + 1 > length[i]:
                length[i] = length[j] + 1
                prev[i] = j
    out = []
    i = max(range(n), key=length.__getitem__, default=-1)
    while i != -1:
        out.append(nums[i])
        i = prev[i]
    return out[::-1]
