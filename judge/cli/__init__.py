"""The `judge` command: the root group and its commands, one small module per part.

    judge.cli            the root group `main` (which the console script, `judge.entry`,
                         runs), registers the commands
      judging            run, check
      catalog            list, show, new
      sandbox            sandbox build, sandbox doctor
      practice           practice start|status|submit|finish, stats
      grade              grade
      authoring          new-problem
      serve              serve (the practice app in the browser)
      daemon             daemon start|stop|status, registered here but written in
                         judge.daemon.commands (the daemon runs the CLI: it sits above)
      common             what they share: errors and exit codes (once, in JudgeGroup),
                         the common options

Command modules import `common`, never this module, and are themselves imported only when
their command runs (`COMMANDS`). Each imports the library inside its commands, so `judge
--help` loads no problem package, sandbox or numpy, and `judge run` no practice or web code.

Exit codes: 0 accepted (or success), 1 not accepted (or a check failed), 2 usage or
problem-package error, 3 the judge's own fault. Nothing imports this module but the
console script (`judge.entry`) and the daemon's command processes, which run it.
"""

from __future__ import annotations

import click

from judge import __version__
from judge.cli.common import DEBUG_ENV, JudgeGroup

COMMANDS = {
    "run": "judge.cli.judging:run",
    "check": "judge.cli.judging:check",
    "list": "judge.cli.catalog:list_problems",
    "show": "judge.cli.catalog:show",
    "new": "judge.cli.catalog:new",
    "sandbox": "judge.cli.sandbox:sandbox",
    "practice": "judge.cli.practice:practice",
    "stats": "judge.cli.practice:stats",
    "grade": "judge.cli.grade:grade",
    "new-problem": "judge.cli.authoring:new_problem",
    "serve": "judge.cli.serve:serve",
    "daemon": "judge.daemon.commands:daemon",
}
"""Each command and where it lives, imported only when it is used."""


@click.group(cls=JudgeGroup, lazy_commands=COMMANDS)
@click.version_option(__version__, prog_name="judge")
@click.option(
    "--debug",
    is_flag=True,
    envvar=DEBUG_ENV,
    show_envvar=True,
    help="Show the traceback of the judge's own errors.",
)
def main(debug: bool) -> None:
    """Judge Python submissions in a sandbox with property-based tests.

    `judge COMMAND --help` tells more. Exit codes: 0 accepted (or done), 1 not accepted
    (or a check failed), 2 usage error or no sandbox, 3 the judge's own fault.
    """
