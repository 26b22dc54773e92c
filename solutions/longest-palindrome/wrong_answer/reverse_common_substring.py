# Bug: returns the longest common substring of s and its reverse, without checking that it
# is a palindrome: "abacdfgdcaba" gives "abacd" (its reverse "dcaba" also occurs in s).
def longest_palindrome(s):
    r = s[::-1]
    n = len(s)
    best_end, best_length = 0, 0
    previous = [0] * (n + 1)
    for i in range(1, n + 1):
        current = [0] * (n + 1)
        for j in range(1, n + 1):
            if s[i - 1] == r[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best_length:
                    best_end, best_length = i, current[j]
        previous = current
    return s[best_end - best_length : best_end]
