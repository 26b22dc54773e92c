"""The judge daemon: commands that start warm, in a fresh process each.

A `judge run` spends most of a second before its submission's first call: importing the
judge (Hypothesis, numpy, the Docker SDK), starting a container, starting the harness'
interpreter in it. `judge daemon start` does that work ahead of time:

    judge daemon start ──► the daemon (`server`): imports the judge once, listens on a
                           Unix socket only its user can reach (`address`), and keeps one
                           *ready* process forked from itself, holding a started container
                           whose harness waits for its submission.
    judge run …        ──► the console script (`judge.entry`) hands the command to the ready
                           process (`client`) with its own stdin, stdout and stderr, folder
                           and environment; that process runs the CLI exactly as a fresh
                           `judge` would, sends back the exit code and ends. The daemon forks
                           the next ready process then (or at once, for a command waiting).

Every command gets a process of its own, used once: nothing of one command (its problem
modules, its submission's container) reaches the next, as without the daemon. The daemon
stops after a time without commands, on `judge daemon stop`, or when the judge's own files
change under it (it would run old code); then commands run as usual, in their own process.
"""
