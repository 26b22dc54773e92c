"""The only code mounted into the sandbox: `harness.py` and `wire.py`, standard library only.

The host imports `wire` (one codec for both sides) and never `harness`, whose import-time code
is meant for the sandbox alone.
"""
