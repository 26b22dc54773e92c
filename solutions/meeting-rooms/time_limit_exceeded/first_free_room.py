# Time limit exceeded: keeps the end time of every room and scans them for the first free
# one. Right, but O(n · rooms): O(n^2) when every meeting overlaps every other.
def min_rooms(intervals):
    rooms = []
    for start, end in sorted(intervals):
        for k, room_end in enumerate(rooms):
            if room_end <= start:
                rooms[k] = end
                break
        else:
            rooms.append(end)
    return len(rooms)
