# Runtime error: starts from best = s[0] ("a letter is always a palindrome"), so the empty
# string raises IndexError. Right on every non-empty string.
def longest_palindrome(s):
    best = s[0]
    for centre in range(1, 2 * len(s) - 1):
        left = centre // 2
        right = left + centre % 2
        while left >= 0 and right < len(s) and s[left] == s[right]:
            left -= 1
            right += 1
        if right - left - 1 > len(best):
            best = s[left + 1 : right]
    return best
