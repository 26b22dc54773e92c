# Bug: compares letters case-insensitively (as in "valid palindrome" puzzles), but case
# counts here: "Aba" is not a palindrome.
def longest_palindrome(s):
    folded = s.lower()
    n = len(s)
    best_start, best_end = 0, 0
    for centre in range(2 * n - 1):
        left = centre // 2
        right = left + centre % 2
        while left >= 0 and right < n and folded[left] == folded[right]:
            left -= 1
            right += 1
        if right - left - 1 > best_end - best_start:
            best_start, best_end = left + 1, right
    return s[best_start:best_end]
