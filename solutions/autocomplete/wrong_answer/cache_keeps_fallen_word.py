# Bug: each trie node keeps its 10 best words and updates them in place, but when a listed
# word's weight drops it stays listed at its new place: an 11th word that now beats it is
# never brought back into the list (more than 10 words under a prefix, then a drop).
class Node:
    def __init__(self):
        self.kids = {}
        self.best = []


class Autocomplete:
    def __init__(self):
        self.root = Node()

    def insert(self, word, weight):
        node = self.root
        path = [node]
        for ch in word:
            node = node.kids.setdefault(ch, Node())
            path.append(node)
        for node in path:
            rest = [entry for entry in node.best if entry[1] != word]
            node.best = sorted(rest + [(-weight, word)])[:10]

    def top(self, prefix, k):
        node = self.root
        for ch in prefix:
            if ch not in node.kids:
                return []
            node = node.kids[ch]
        return [word for _, word in node.best[:k]]
