"""Renderings of a Report: console (rich) and JSON. They import `judge.verdict` only."""
