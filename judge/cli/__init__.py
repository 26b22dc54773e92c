"""The `judge` command: the root group and its commands, one small module per part.

    judge.cli            the root group `main` (the entry point), registers the commands
      judging            run, check
      catalog            list, show, new
      sandbox            sandbox build, sandbox doctor
      practice           practice start|status|submit|finish, stats
      grade              grade
      authoring          new-problem
      serve              serve (the practice app in the browser)
      common             what they share: errors and exit codes (once, in JudgeGroup),
                         the common options

Command modules import `common`, never this module. Each imports the library inside its
commands, so `judge --help` loads no problem package, sandbox or numpy.

Exit codes: 0 accepted (or success), 1 not accepted (or a check failed), 2 usage or
problem-package error, 3 the judge's own fault. Nothing imports this module.
"""

from __future__ import annotations

import click

from judge import __version__
from judge.cli import authoring, catalog, grade, judging, practice, sandbox, serve
from judge.cli.common import DEBUG_ENV, JudgeGroup


@click.group(cls=JudgeGroup)
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


main.add_command(judging.run)
main.add_command(judging.check)
main.add_command(catalog.list_problems)
main.add_command(catalog.show)
main.add_command(catalog.new)
main.add_command(sandbox.sandbox)
main.add_command(practice.practice)
main.add_command(practice.stats)
main.add_command(grade.grade)
main.add_command(authoring.new_problem)
main.add_command(serve.serve)
