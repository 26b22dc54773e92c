# The classic: a dict from key to node of a doubly linked list in order of use, between two
# sentinels, so that unlinking and relinking a node never needs a special case. O(1) per call.
class Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=0, value=0):
        self.key, self.value = key, value
        self.prev = self.next = None


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.nodes = {}
        self.oldest, self.newest = Node(), Node()  # sentinels
        self.oldest.next, self.newest.prev = self.newest, self.oldest

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _append(self, node):
        last = self.newest.prev
        last.next, node.prev, node.next, self.newest.prev = node, last, self.newest, node

    def get(self, key):
        node = self.nodes.get(key)
        if node is None:
            return None
        self._unlink(node)
        self._append(node)
        return node.value

    def put(self, key, value):
        node = self.nodes.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
        else:
            if len(self.nodes) == self.capacity:
                lru = self.oldest.next
                self._unlink(lru)
                del self.nodes[lru.key]
            node = self.nodes[key] = Node(key, value)
        self._append(node)
