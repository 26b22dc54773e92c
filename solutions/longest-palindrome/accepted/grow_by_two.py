# Accepted: a longest palindrome ending at position i is at most 2 longer than the best so
# far, so at each i only two candidates need testing, each with one slice comparison.
def longest_palindrome(s):
    start, length = 0, 0
    for i in range(len(s)):
        for grown in (length + 2, length + 1):
            first = i - grown + 1
            if first >= 0 and s[first : i + 1] == s[first : i + 1][::-1]:
                start, length = first, grown
                break
    return s[start : start + length]
