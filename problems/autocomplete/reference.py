"""Reference solution: a trie whose every node keeps the best K = 10 words at or below it.

`top(prefix, k)` walks down the prefix and reads the first k of that node's list:
O(|prefix| + k), however many words match. `insert` updates the lists on the word's path
only: a new word, or a weight that rose, is merged into each list (O(K) per node). A word
that fell while it was in a node's list may now lose its place to a word missing from that
list, so that list is rebuilt from the children's lists (O(26 · K) per node), bottom up.
"""

import bisect

K = 10
"""The largest k a query may ask for."""


class _Node:
    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        # (-weight, word) when a word ends at this node: sorted keys put the best first
        self.key: tuple[int, str] | None = None
        # the keys of the best K words at or below this node, best first
        self.best: list[tuple[int, str]] = []

    def rebuild(self) -> None:
        keys = [key for child in self.children.values() for key in child.best]
        if self.key is not None:
            keys.append(self.key)
        self.best = sorted(keys)[:K]


class Autocomplete:
    def __init__(self) -> None:
        self.root = _Node()

    def insert(self, word: str, weight: int) -> None:
        path = [self.root]
        for letter in word:
            path.append(path[-1].children.setdefault(letter, _Node()))
        old, new = path[-1].key, (-weight, word)
        path[-1].key = new
        for node in reversed(path):
            if old in node.best and new > old:
                node.rebuild()
            else:
                best = [key for key in node.best if key != old]
                bisect.insort(best, new)
                node.best = best[:K]

    def top(self, prefix: str, k: int) -> list[str]:
        node = self.root
        for letter in prefix:
            if letter not in node.children:
                return []
            node = node.children[letter]
        return [word for _, word in node.best[:k]]
