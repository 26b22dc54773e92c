"""Timed practice sets: drawing problems, the workspace, the SQLite history and the stats."""
