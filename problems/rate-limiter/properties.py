"""Rate Limiter: scripts of allow(t) calls on a grid of quarter units, and stress streams of
up to 3·10^5 calls that arrive as raw doubles.

Every time and window is a multiple of 0.25 (a quarter): such numbers, and their sums and
differences, are exact in floating point, so a request that lies exactly on the window's
boundary `t - window` is on it in every correct solution, not a rounding error away.
"""

from __future__ import annotations

import array
import itertools
import random
from typing import Any

import numpy
from hypothesis import strategies as st

from judge.authoring import Script, Step, script_from_calls

MAX_LIMIT = 10**4
MAX_T = 10**9
"""The largest |t|."""
MAX_WINDOW = 2 * 10**9
MAX_CALLS = 3 * 10**5
BURSTY_CALLS = 10**5
QUARTER = 0.25


@st.composite
def _script(draw: st.DrawFn) -> Script:
    """All times in quarters: integers, so the boundary is hit exactly."""
    top, widest = round(MAX_T / QUARTER), round(MAX_WINDOW / QUARTER)
    limit = draw(st.integers(1, 4) | st.integers(1, MAX_LIMIT))
    window = draw(st.integers(1, 12) | st.integers(1, widest) | st.just(widest))
    boundary = st.sampled_from((window, window - 1, window + 1))
    gaps = draw(st.lists(st.integers(0, 6) | boundary | st.integers(0, widest), max_size=40))
    start = draw(st.integers(-8, 8) | st.integers(-top, top))
    times = [start + offset for offset in itertools.accumulate(gaps)]
    calls = [["allow", time * QUARTER] for time in times if time <= top]
    return script_from_calls((limit, window * QUARTER), calls)


def cases() -> st.SearchStrategy[Script]:
    """A limit of 1 to 4 (sometimes up to 10^4) and a window of 0.25 to 3 (sometimes up to
    2·10^9, the largest), then up to 40 requests whose gaps are 0 to 1.5 (bursts at one
    instant), exactly the window or a quarter either side of it (the boundary), or up to
    2·10^9 (everything expires); times start near 0 or anywhere in [-10^9, 10^9], and
    requests past 10^9 are dropped. A failure shrinks to the fewest requests, then to gaps
    of 0, then to a limit of 1 and a window of 0.25."""
    return _script()


def from_example(values: dict[str, Any]) -> Script:
    return script_from_calls((values["limit"], values["window"]), values["calls"])


def _script_of(limit: int, window: float, quarters: numpy.ndarray) -> Script:
    """The requests at `quarters` (in units of 0.25) as one step of raw doubles."""
    times = array.array("d", (quarters * QUARTER).astype(numpy.float64).tobytes())
    return Script((limit, window), (Step("allow", times),))


def stress_cases(rng: random.Random) -> list[Script]:
    """From a start anywhere in [-10^9, 10^9 - 2.5·10^6]:

    - at capacity: 3·10^5 requests, one every 0.25, with a limit of 10^4 in a window of
      2500, so the window always holds exactly 10^4 requests, the oldest on its boundary:
      every request is allowed, each one expires another, and keeping every time forever
      takes ~10 MiB;
    - bursty: 10^5 requests with a limit of 1000 in a window of 1000; 3 in 4 gaps are 0
      (bursts), most others 0.25 to 0.75 (about 8 times the allowed rate, so most requests
      are refused), and one in 5000 is a pause of up to 2000 (the whole window
      expires at once).
    """
    generator = numpy.random.default_rng(rng.getrandbits(64))
    top = round(MAX_T / QUARTER)
    start = int(generator.integers(-top, top - 10**7))
    at_capacity = numpy.arange(start, start + MAX_CALLS)
    draws = generator.random(BURSTY_CALLS - 1)
    gaps = numpy.where(draws < 0.75, 0, generator.integers(1, 4, BURSTY_CALLS - 1))
    gaps = numpy.where(draws > 0.9998, generator.integers(1, 8001, BURSTY_CALLS - 1), gaps)
    bursty = start + numpy.concatenate(([0], numpy.cumsum(gaps)))
    return [_script_of(MAX_LIMIT, 2500.0, at_capacity), _script_of(1000, 1000.0, bursty)]
