"""Shared by the judge's tests and the problem packages' tests: Hypothesis stays reproducible."""

from hypothesis import settings

settings.register_profile("judge", database=None, deadline=None, derandomize=True, max_examples=100)
settings.load_profile("judge")
