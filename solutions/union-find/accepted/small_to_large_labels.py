# Quick-find with small-to-large merging: every node stores its set's label, and a union
# relabels the smaller set's members. A node is relabelled only when its set at least
# doubles, so O(log n) times: O(n log n) for all unions, O(1) per query.
class DSU:
    def __init__(self, n):
        self.label = list(range(n))
        self.members = [[x] for x in range(n)]
        self.count = n

    def union(self, a, b):
        la, lb = self.label[a], self.label[b]
        if la == lb:
            return False
        if len(self.members[la]) < len(self.members[lb]):
            la, lb = lb, la
        for x in self.members[lb]:
            self.label[x] = la
        self.members[la].extend(self.members[lb])
        self.members[lb] = []
        self.count -= 1
        return True

    def connected(self, a, b):
        return self.label[a] == self.label[b]

    def components(self):
        return self.count
