"""Renderings of a Report: console (rich) and JSON. They import `judge.core.verdict` only."""
