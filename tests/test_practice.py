"""Practice sets end to end through the CLI, with a fake clock and a temporary database.

Judging goes through the real engine and the process sandbox on tiny copies of the `add`
fixture problem, so the whole flow takes seconds. Time moves only when a test moves it.
"""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from judge.cli import main
from judge.core.catalog import Filters, all_problems
from judge.core.errors import UsageError
from judge.core.problem import Problem
from judge.core.verdict import Limits, Report, SandboxInfo, Verdict
from judge.practice.clock import ManualClock
from judge.practice.draw import choose, weights_for
from judge.practice.history import History
from judge.practice.sets import StartRequest, finish, start_set, submit
from judge.practice.standing import Standing
from judge.practice.stats import compute_stats
from judge.sandbox import OpenedSandbox, SandboxChoice, open_sandbox

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SUBMISSIONS = FIXTURES / "submissions"
VARIANTS = {
    # slug: changes to the add fixture's problem.yaml
    "add": {},
    "add-graphs": {"difficulty": "medium", "skills": ["graphs"], "practice_minutes": 20},
    "add-dp": {
        "difficulty": "medium",
        "category": "good-to-know",
        "levels": ["senior"],
        "skills": ["dynamic-programming", "arrays"],
        "practice_minutes": 10,
    },
}


@pytest.fixture
def problems(tmp_path: Path) -> Path:
    """Three quick problems: `add` (easy, warm-up) and two medium variants with other tags."""
    root = tmp_path / "problems"
    for slug, changes in VARIANTS.items():
        shutil.copytree(FIXTURES / "problems" / "add", root / slug)
        meta_path = root / slug / "problem.yaml"
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        meta.update(changes, slug=slug)
        meta_path.write_text(yaml.safe_dump(meta), encoding="utf-8")
    return root


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


class Cli:
    """`judge …` with the fake clock, the temporary database and problems folder."""

    def __init__(self, clock: ManualClock, db: Path, problems: Path) -> None:
        self.clock, self.db, self.problems = clock, db, problems

    def __call__(self, *args: Any, env: dict[str, str] | None = None) -> Result:
        words = [str(arg) for arg in args]
        if words[0] in ("practice", "stats") and "--db" not in words and not env:
            words.append(f"--db={self.db}")
        return CliRunner().invoke(main, words, obj=self.clock, env=env, catch_exceptions=False)

    def start(self, *args: Any) -> dict[str, Any]:
        result = self("practice", "start", "--problems", self.problems, "--json", *args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    def status(self) -> dict[str, Any]:
        result = self("practice", "status", "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def cli(clock: ManualClock, tmp_path: Path, problems: Path) -> Cli:
    return Cli(clock, tmp_path / "history.sqlite3", problems)


def test_a_whole_set_start_status_submit_finish_stats(cli: Cli, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    started = cli.start(
        "--count", 2, "--difficulty", "medium", "--seed", 7, "--minutes", 30, "--dir", workspace
    )
    slugs = [problem["slug"] for problem in started["problems"]]
    assert sorted(slugs) == ["add-dp", "add-graphs"]
    assert started["set"]["minutes"] == 30 and started["set"]["seed"] == 7
    assert started["time_left_s"] == 30 * 60
    for problem in started["problems"]:
        assert Path(problem["statement"]) == workspace / f"{problem['slug']}.md"
        assert "## Examples" in Path(problem["statement"]).read_text(encoding="utf-8")
        assert "def add(a: int, b: int) -> int:" in Path(problem["starter"]).read_text()
        assert problem["attempts"] == []

    cli.clock.advance(minutes=4)
    starter = workspace / "add-graphs.py"
    shutil.copyfile(SUBMISSIONS / "wa_negative.py", starter)
    wrong = cli("practice", "submit", "add-graphs", "--sandbox", "process")
    assert wrong.exit_code == 1, wrong.output
    assert "Wrong Answer (WA)" in wrong.stdout and "recorded: WA at 4m 00s" in wrong.stdout

    cli.clock.advance(minutes=6)
    shutil.copyfile(SUBMISSIONS / "ok.py", starter)  # FILE defaults to the workspace's starter
    right = cli("practice", "submit", "add-graphs", "--sandbox", "process")
    assert right.exit_code == 0, right.output
    assert "Accepted (AC)" in right.stdout and "solved 1/2" in right.stdout

    cli.clock.advance(minutes=5)
    state = cli.status()
    assert state["time_left_s"] == 15 * 60 and state["solved"] == 1 and state["score"] == 50
    graphs = next(p for p in state["problems"] if p["slug"] == "add-graphs")
    assert [a["verdict"] for a in graphs["attempts"]] == ["WA", "AC"]
    assert [a["elapsed_s"] for a in graphs["attempts"]] == [240, 600]
    assert graphs["attempts"][0]["late"] is False and graphs["solve_s"] == 600
    assert graphs["attempts"][1]["cases_passed"] == graphs["attempts"][1]["cases_total"] > 20
    assert graphs["attempts"][1]["submission"] == str(starter)
    shown = cli("practice", "status")
    assert "15m 00s left" in shown.stdout and "add-graphs" in shown.stdout

    done = cli("practice", "finish")
    assert done.exit_code == 0, done.output
    assert "solved 1/2 in time" in done.stdout and "score 50/100" in done.stdout
    assert "took 15m 00s of 30m 00s" in done.stdout and "10m 00s" in done.stdout
    after = cli("practice", "status")
    assert after.exit_code == 2 and "no practice set is running" in after.stderr

    table = cli("stats")
    assert table.exit_code == 0, table.output
    assert "graphs" in table.stdout and "review queue" in table.stdout
    assert "by problem" in table.stdout
    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["sets"] == 1 and stats["attempts"] == 2
    graphs_row = next(row for row in stats["skills"] if row["name"] == "graphs")
    assert graphs_row == {
        "name": "graphs",
        "drawn": 1,
        "tried": 1,
        "attempts": 2,
        "solved": 1,
        "first_try_rate": 0.0,
        "median_solve_s": 600.0,
    }
    assert stats["problems"] == [
        {
            "slug": "add-dp",
            "title": next(p["title"] for p in started["problems"] if p["slug"] == "add-dp"),
            "drawn": 1,
            "attempts": 0,
            "best_score": None,
            "last_verdict": None,
            "solve_s": None,
        },
        {
            "slug": "add-graphs",
            "title": graphs["title"],
            "drawn": 1,
            "attempts": 2,
            "best_score": 100.0,
            "last_verdict": "AC",
            "solve_s": 600.0,
        },
    ]
    review = {item["slug"]: item for item in stats["review"]}
    assert review["add-dp"]["standing"] == "unsolved"
    assert review["add-dp"]["reason"] == "never solved (never submitted)"
    assert "add-graphs" not in review  # solved in 10 min, 20 suggested


def test_late_submission_is_allowed_and_recorded_as_late(cli: Cli, tmp_path: Path) -> None:
    cli.start("--count", 1, "--tag", "warm-up", "--minutes", 1, "--dir", tmp_path / "ws")
    cli.clock.advance(minutes=3)
    late = cli("practice", "submit", "add", SUBMISSIONS / "ok.py", "--sandbox", "process")
    assert late.exit_code == 0, late.output
    assert "recorded: AC at 3m 00s (late)" in late.stdout
    attempt = cli.status()["problems"][0]["attempts"][0]
    assert attempt["late"] is True and attempt["elapsed_s"] == 180
    summary = json.loads(cli("practice", "finish", "--json").stdout)
    assert summary["solved"] == 0 and summary["solved_late"] == 1 and summary["score"] == 0
    assert summary["time_left_s"] == -120


def test_fewer_matches_than_asked_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("practice", "start", "--problems", cli.problems, "--count", 2, "--tag", "graphs")
    assert result.exit_code == 2
    assert "only 1 problem(s)" in result.stderr and "tag graphs" in result.stderr
    assert "fewer than the 2 asked for" in result.stderr
    none = cli("practice", "start", "--problems", cli.problems, "--difficulty", "hard")
    assert none.exit_code == 2 and "only 0 problem(s)" in none.stderr


def test_one_set_at_a_time_and_clear_errors(cli: Cli, tmp_path: Path) -> None:
    assert cli("practice", "submit", "add").exit_code == 2  # nothing running
    cli.start("--count", 1, "--tag", "warm-up", "--dir", tmp_path / "ws")
    again = cli("practice", "start", "--problems", cli.problems, "--dir", tmp_path / "other")
    assert again.exit_code == 2 and "already running" in again.stderr
    assert not (tmp_path / "other").exists()
    unknown = cli("practice", "submit", "add-dp", SUBMISSIONS / "ok.py")
    assert unknown.exit_code == 2 and "not in the running set (add)" in unknown.stderr
    untouched = cli("practice", "submit", "add", "--sandbox", "process")
    assert untouched.exit_code == 2 and "untouched starter" in untouched.stderr
    missing = cli("practice", "submit", "add", tmp_path / "nope.py")
    assert missing.exit_code == 2 and "no submission file" in missing.stderr
    assert cli.status()["problems"][0]["attempts"] == []


def test_start_never_overwrites_a_workspace_file(cli: Cli, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "add.py").write_text("my work\n")
    result = cli(
        "practice", "start", "--problems", cli.problems, "--tag", "warm-up", "--count", 1,
        "--dir", workspace,
    )  # fmt: skip
    assert result.exit_code == 2 and "never overwrites" in result.stderr
    assert (workspace / "add.py").read_text() == "my work\n"
    assert cli("practice", "status").exit_code == 2  # nothing was recorded


def test_environment_gives_the_database_and_problems(cli: Cli, tmp_path: Path) -> None:
    env = {"JUDGE_DB": str(tmp_path / "env.sqlite3"), "JUDGE_PROBLEMS": str(cli.problems)}
    result = cli("practice", "start", "--count", 3, "--dir", tmp_path / "ws", env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.sqlite3").is_file() and not cli.db.exists()
    assert cli("practice", "status", env=env).exit_code == 0


def test_start_from_the_real_problems_folder(cli: Cli, tmp_path: Path) -> None:
    result = cli(
        "practice", "start", "--problems", ROOT / "problems", "--count", 2,
        "--difficulty", "medium", "--tag", "graphs", "--tag", "dynamic-programming",
        "--dir", tmp_path / "ws", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    drawn = json.loads(result.stdout)
    slugs = {problem["slug"] for problem in drawn["problems"]}
    eligible = set()  # read from the YAML here, not through the filters under test
    for path in (ROOT / "problems").glob("*/problem.yaml"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        if meta["difficulty"] == "medium" and {"graphs", "dynamic-programming"} & set(
            meta["skills"]
        ):
            eligible.add(meta["slug"])
    assert len(slugs) == 2 and slugs <= eligible
    suggested = sum(problem["suggested_minutes"] for problem in drawn["problems"])
    assert drawn["set"]["minutes"] == suggested  # default: the problems' suggested minutes
    for slug in slugs:
        assert (tmp_path / "ws" / f"{slug}.md").is_file()
        compile((tmp_path / "ws" / f"{slug}.py").read_text(encoding="utf-8"), f"{slug}.py", "exec")


def test_same_seed_same_draw_and_uniform_is_recorded(cli: Cli, tmp_path: Path) -> None:
    first = cli.start("--count", 2, "--seed", 11, "--uniform", "--dir", tmp_path / "a")
    assert first["set"]["uniform"] is True
    assert cli("practice", "finish").exit_code == 0
    second = cli.start("--count", 2, "--seed", 11, "--uniform", "--dir", tmp_path / "b")
    assert [p["slug"] for p in first["problems"]] == [p["slug"] for p in second["problems"]]


def test_watch_counts_down_to_the_deadline(cli: Cli, tmp_path: Path) -> None:
    cli.start("--count", 1, "--tag", "warm-up", "--minutes", 1, "--dir", tmp_path / "ws")
    result = cli("practice", "status", "--watch")
    assert result.exit_code == 0, result.output
    assert "over by 0s" in result.stdout or "0s left" in result.stdout
    assert cli.status()["time_left_s"] <= 0  # the fake clock's sleep moved time on


# --- the library: weighting, interruption ----------------------------------------------


def _report(verdict: Verdict, score: float) -> Report:
    return Report(
        problem="fake",
        submission="fake.py",
        verdict=verdict,
        score=score,
        groups=(),
        seed=0,
        limits=Limits(time_s=1.0, memory_mib=64),
        sandbox=SandboxInfo(kind="fake"),
        judge_version="test",
    )


def _judging(verdict: Verdict) -> Any:
    def fake(problem: Problem, submission: Path, opened: Any, options: Any) -> Report:
        return _report(verdict, 100.0 if verdict is Verdict.AC else 0.0)

    return fake


def _play(
    history: History,
    problems: Path,
    clock: ManualClock,
    workspace: Path,
    outcomes: dict[str, list[tuple[float, Verdict]]],
) -> None:
    """One finished set of exactly these problems; outcomes: minutes after start, verdict."""
    chosen = [problem for problem in all_problems(problems) if problem.slug in outcomes]
    start_set(
        history,
        chosen,
        problems,
        StartRequest(Filters(), count=len(chosen), workspace=workspace),
        clock,
    )
    started = clock.now()
    opened = OpenedSandbox(sandbox=None, info=SandboxInfo(kind="fake"))  # type: ignore[arg-type]
    events = sorted((minute, slug, v) for slug, seq in outcomes.items() for minute, v in seq)
    for minute, slug, verdict in events:
        clock.current = started + timedelta(minutes=minute)
        solution = workspace / f"{slug}-solution.py"
        solution.write_text("def add(a, b):\n    return a + b\n")
        submit(history, slug, solution, opened, clock, judge_with=_judging(verdict))
    clock.advance(minutes=1)
    finish(history, clock)


def test_weights_follow_the_standing_of_each_problem(
    problems: Path, clock: ManualClock, tmp_path: Path
) -> None:
    loaded = all_problems(problems)
    with History(tmp_path / "h.sqlite3") as history:
        assert set(weights_for(history, loaded).values()) == {Standing.UNSOLVED}
        # add: solved in 1 min (suggested 1); add-graphs: failed; add-dp: solved in 30 (10).
        _play(
            history,
            problems,
            clock,
            tmp_path / "sets" / "one",
            {
                "add": [(1, Verdict.AC)],
                "add-graphs": [(2, Verdict.WA), (3, Verdict.TLE)],
                "add-dp": [(31, Verdict.AC)],
            },
        )
        assert weights_for(history, loaded) == {"add": 1, "add-graphs": 4, "add-dp": 2}
        # Later: add-graphs solved at last, add failed this time.
        _play(
            history,
            problems,
            clock,
            tmp_path / "sets" / "two",
            {"add": [(1, Verdict.WA)], "add-graphs": [(5, Verdict.AC)]},
        )
        assert weights_for(history, loaded) == {"add": 3, "add-graphs": 1, "add-dp": 2}
        stats = compute_stats(history)
    review = [(item.slug, item.standing) for item in stats.review]
    assert review == [("add", Standing.FAILED_LAST), ("add-dp", Standing.SLOW_LAST)]
    assert "took 30 min last time" in stats.review[1].reason
    warm_up = next(row for row in stats.skills if row.name == "warm-up")
    assert (warm_up.drawn, warm_up.tried, warm_up.attempts, warm_up.solved) == (1, 1, 2, 1)
    assert warm_up.first_try_rate == 0.5 and warm_up.median_solve_s == 60.0
    must = next(row for row in stats.categories if row.name == "must")
    assert must.attempts == 5 and must.first_try_rate == 0.5
    by_problem = {row.slug: row for row in stats.problems}
    assert list(by_problem) == ["add", "add-dp", "add-graphs"]
    add, add_dp, graphs = by_problem["add"], by_problem["add-dp"], by_problem["add-graphs"]
    assert (add.drawn, add.attempts, add.best_score, add.last_verdict) == (2, 2, 100, Verdict.WA)
    assert add.solve_s == 60.0  # solved once (1 min), failed the second time
    assert (add_dp.drawn, add_dp.attempts, add_dp.last_verdict, add_dp.solve_s) == (
        1,
        1,
        Verdict.AC,
        1800.0,
    )
    assert (graphs.attempts, graphs.last_verdict, graphs.best_score) == (3, Verdict.AC, 100)


def test_weighted_draw_prefers_weak_problems_and_uniform_does_not(problems: Path) -> None:
    loaded = [p for p in all_problems(problems) if p.slug in ("add", "add-graphs")]
    weights = {"add": float(Standing.SOLVED), "add-graphs": float(Standing.UNSOLVED)}
    draws = 4000
    weighted = Counter(choose(loaded, weights, 1, random.Random(n))[0].slug for n in range(draws))
    uniform = Counter(choose(loaded, {}, 1, random.Random(n))[0].slug for n in range(draws))
    # P(add-graphs) = 4 / (4 + 1) = 0.8 weighted, 0.5 uniform; 4000 draws: sd ≈ 0.008.
    assert abs(weighted["add-graphs"] / draws - 0.8) < 0.03
    assert abs(uniform["add-graphs"] / draws - 0.5) < 0.03
    pair = choose(loaded, weights, 2, random.Random(1))
    assert sorted(p.slug for p in pair) == ["add", "add-graphs"]  # without replacement


def test_start_draws_weak_problems_more_often_through_the_history(
    problems: Path, clock: ManualClock, tmp_path: Path
) -> None:
    loaded = all_problems(problems)
    with History(tmp_path / "h.sqlite3") as history:
        _play(history, problems, clock, tmp_path / "sets" / "first", {"add": [(1, Verdict.AC)]})
        weights = weights_for(history, loaded)
    assert weights == {"add": 1, "add-graphs": 4, "add-dp": 4}
    picks = Counter(choose(loaded, weights, 1, random.Random(n))[0].slug for n in range(3000))
    assert abs(picks["add"] / 3000 - 1 / 9) < 0.03  # 1 / (1 + 4 + 4)


def test_an_interrupted_judgement_records_nothing(
    problems: Path, clock: ManualClock, tmp_path: Path
) -> None:
    def interrupted(*args: Any) -> Report:
        raise KeyboardInterrupt

    loaded = all_problems(problems)
    with History(tmp_path / "h.sqlite3") as history:
        start_set(
            history,
            loaded,
            problems,
            StartRequest(Filters(), count=1, seed=3, workspace=tmp_path / "ws"),
            clock,
        )
        slug = history.all_sets()[0].problems[0].slug
        opened: OpenedSandbox = open_sandbox(SandboxChoice.PROCESS)
        with pytest.raises(KeyboardInterrupt):
            submit(history, slug, SUBMISSIONS / "ok.py", opened, clock, judge_with=interrupted)
        assert history.attempts() == ()
        with pytest.raises(UsageError, match="already running"):
            start_set(
                history,
                loaded,
                problems,
                StartRequest(Filters(), count=1, workspace=tmp_path / "ws2"),
                clock,
            )
