"""Reference solution: one pass with a hash map from value to the index where it was seen."""


def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    seen: dict[int, int] = {}
    for j, value in enumerate(nums):
        i = seen.get(target - value)
        if i is not None:
            return (i, j)
        seen.setdefault(value, j)
    return None
