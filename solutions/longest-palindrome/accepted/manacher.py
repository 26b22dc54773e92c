# Accepted: Manacher's algorithm, O(n). A separator around every letter makes every
# palindrome odd-length; a centre inside the rightmost palindrome found so far starts from
# its mirror image's radius, so the right edge only ever moves forwards.
def longest_palindrome(s):
    text = "#" + "#".join(s) + "#"
    radius = [0] * len(text)
    centre = right = 0
    for i in range(len(text)):
        if i < right:
            radius[i] = min(right - i, radius[2 * centre - i])
        while (
            i - radius[i] - 1 >= 0
            and i + radius[i] + 1 < len(text)
            and text[i - radius[i] - 1] == text[i + radius[i] + 1]
        ):
            radius[i] += 1
        if i + radius[i] > right:
            centre, right = i, i + radius[i]
    best = max(range(len(text)), key=radius.__getitem__)
    start = (best - radius[best]) // 2
    return s[start : start + radius[best]]
