# Right answers, O(n log n) per top: scans every stored word and sorts all the matches.
class Autocomplete:
    def __init__(self):
        self.weights = {}

    def insert(self, word, weight):
        self.weights[word] = weight

    def top(self, prefix, k):
        matches = [(-weight, word) for word, weight in self.weights.items() if word.startswith(prefix)]
        matches.sort()
        return [word for _, word in matches[:k]]
