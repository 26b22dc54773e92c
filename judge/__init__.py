"""judge: a coding-challenge judge with a Docker sandbox and Hypothesis properties."""

__version__ = "0.1.0"
