"""Renderings: data in, text out (console, JSON, JUnit, CSV, Markdown, practice forms).

They import data modules only (`judge.core.verdict`, `judge.core.text`, the grading results,
the practice records), never orchestration.
"""
