# Wrong answer: takes the largest coin that fits, again and again. Right for "canonical" coin
# sets like [1, 2, 5] (all the samples), wrong for [1, 3, 4] and amount 6 (4 + 1 + 1, while
# 3 + 3 is two coins), and gives up on [3, 5] and amount 9 (3 + 3 + 3).


def coin_change(coins, amount):
    count = 0
    for coin in sorted(coins, reverse=True):
        count += amount // coin
        amount %= coin
    return count if amount == 0 else None
