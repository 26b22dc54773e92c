"""The judging core: problems, entry kinds, checkers, the engine and runner, verdicts.

Imports `judge.sandbox` (downwards) and nothing above it (`cli`, `practice`, `grading`,
`reports`). `verdict.py` and `errors.py` are leaves: any layer may import them.
"""
