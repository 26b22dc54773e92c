# Accepted: a trie of dicts; each node remembers the 10 best words below it (10 = the
# largest k). A word that drops while listed is replaced by merging the children's lists;
# a word that neither was nor gets listed leaves a full list alone.
import heapq

LIMIT = 10


class Node:
    def __init__(self):
        self.kids = {}
        self.weight = None  # the weight of the word ending here, if any
        self.best = []  # [(-weight, word)], sorted, at most LIMIT


class Autocomplete:
    def __init__(self):
        self.root = Node()

    def insert(self, word: str, weight: int) -> None:
        nodes = [self.root]
        for ch in word:
            if ch not in nodes[-1].kids:
                nodes[-1].kids[ch] = Node()
            nodes.append(nodes[-1].kids[ch])
        old_weight = nodes[-1].weight
        nodes[-1].weight = weight
        for depth in range(len(nodes) - 1, -1, -1):
            node = nodes[depth]
            listed = (-old_weight, word) in node.best if old_weight is not None else False
            if listed and old_weight > weight:
                pool = [entry for kid in node.kids.values() for entry in kid.best]
                if node.weight is not None:
                    pool.append((-node.weight, word[:depth]))
                node.best = heapq.nsmallest(LIMIT, pool)
            elif listed or len(node.best) < LIMIT or (-weight, word) < node.best[-1]:
                rest = [entry for entry in node.best if entry[1] != word]
                node.best = sorted(rest + [(-weight, word)])[:LIMIT]

    def top(self, prefix: str, k: int) -> list[str]:
        node = self.root
        for ch in prefix:
            node = node.kids.get(ch)
            if node is None:
                return []
        return [word for _, word in node.best[:k]]
