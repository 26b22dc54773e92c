# Accepted: LeetCode style (a Solution class). Searches the tighter range
# [max(heaviest, ceil(total / days)), ceil(total / days) + heaviest]: at the upper end every
# full day carries more than total / days, so `days` days always suffice. The check walks
# the prefix sums and counts the days by where each one must end.
from itertools import accumulate
from typing import List


class Solution:
    def min_capacity(self, weights: List[int], days: int) -> int:
        prefix = list(accumulate(weights))

        def fits(capacity):
            used, day_start, previous = 1, 0, 0  # day_start: the weight shipped before today
            for shipped in prefix:
                if shipped - day_start > capacity:
                    used += 1
                    day_start = previous
                previous = shipped
            return used <= days

        heaviest = max(weights)
        average = -(-prefix[-1] // days)
        lo, hi = max(heaviest, average), average + heaviest
        while lo < hi:
            mid = (lo + hi) // 2
            if fits(mid):
                hi = mid
            else:
                lo = mid + 1
        return lo
