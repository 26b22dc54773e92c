"""Mutation testing of a problem package: mutate the reference, judge every mutant with
the package's own cases, and report the kill rate (`judge check --mutants`).

    source.py       byte offsets into the reference's text, and text edits
    operators.py    the kinds of change and where each applies (AST → text edits)
    mutants.py      checked mutant sources, stable ids, unified diffs
    equivalents.py  the package's `mutants.yaml`: mutants no test can kill, and why
    trial.py        one mutant judged up to its first failing case
    gate.py         judging the mutants, the kill rate and the threshold
"""
