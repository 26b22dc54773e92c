# Time limit exceeded: checks every substring longer than the best so far by comparing it
# with its reverse. Right, but O(n^3) when the longest palindrome is short.
def longest_palindrome(s):
    best = ""
    for i in range(len(s)):
        for j in range(i + len(best) + 1, len(s) + 1):
            candidate = s[i:j]
            if candidate == candidate[::-1]:
                best = candidate
    return best
