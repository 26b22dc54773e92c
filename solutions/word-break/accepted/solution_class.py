# Accepted: LeetCode style (a Solution class); backtracking from the front with a memo of
# the positions known to be dead ends, trying the words themselves with startswith. Returns
# a tuple of words, which is accepted as a list.
from typing import List, Optional, Tuple


class Solution:
    def word_break(self, s: str, words: List[str]) -> Optional[Tuple[str, ...]]:
        unique = sorted(set(words), key=len, reverse=True)
        dead = set()
        path = []

        def search(i: int) -> bool:
            if i == len(s):
                return True
            if i in dead:
                return False
            for w in unique:
                if s.startswith(w, i):
                    path.append(w)
                    if search(i + len(w)):
                        return True
                    path.pop()
            dead.add(i)
            return False

        return tuple(path) if search(0) else None
