"""Grading many candidates at once: planning the tasks, judging them in parallel, the results."""
