"""The daemon: a command it runs behaves as the same command run here, and a bad request,
a stale daemon or a Ctrl-C are handled as a user would expect."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from judge.daemon import client
from judge.daemon.address import OFF_ENV, SOCKET_ENV, Address, UnsafeFolder, private_folder
from judge.daemon.messages import Channel
from judge.daemon.server import CodeSnapshot

ROOT = Path(__file__).resolve().parent.parent
TWO_SUM = ROOT / "problems" / "two-sum"
SOLUTIONS = ROOT / "solutions" / "two-sum"
CLIENT = [sys.executable, "-c", "from judge.entry import main; main()"]


@dataclass
class Daemon:
    address: Address
    env: dict[str, str]

    def judge(self, *args: str, daemon: bool = True) -> subprocess.CompletedProcess[str]:
        """`judge ARGS` through the console script, with the daemon or without it."""
        env = dict(self.env) if daemon else {**self.env, OFF_ENV: "1"}
        return subprocess.run(
            [*CLIENT, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
        )

    def served(self) -> int:
        found = client.status(self.address)
        assert found is not None, "the daemon does not answer"
        return found.served


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[Daemon]:
    env = {key: value for key, value in os.environ.items() if key != OFF_ENV}
    env[SOCKET_ENV] = str(tmp_path / "d.sock")
    started = Daemon(Address(tmp_path / "d.sock"), env)
    done = started.judge("daemon", "start", "--idle", "10", daemon=False)
    assert done.returncode == 0, done.stderr
    yield started
    stopped = started.judge("daemon", "stop", daemon=False)
    assert stopped.returncode == 0, stopped.stderr
    assert not started.address.socket.exists()


def _verdicts(done: subprocess.CompletedProcess[str]) -> tuple[int, str, list[tuple[object, ...]]]:
    report = json.loads(done.stdout)
    cases: list[tuple[object, ...]] = [
        (case["group"], case["index"], case["verdict"], case.get("input"))
        for case in report["cases"]
    ]
    return done.returncode, str(report["verdict"]), cases


def test_a_command_in_the_daemon_gets_what_it_gets_here(daemon: Daemon) -> None:
    for label in ("accepted/hash_map.py", "wrong_answer/assumes_non_negative.py"):
        args = ("run", str(TWO_SUM), str(SOLUTIONS / label), "--sandbox", "process", "--json")
        before = daemon.served()
        warm = daemon.judge(*args)
        assert daemon.served() == before + 1  # it did go through the daemon
        here = daemon.judge(*args, daemon=False)
        assert _verdicts(warm) == _verdicts(here), warm.stderr
    assert _verdicts(warm)[:2] == (1, "WA")
    # A usage error: the same message and exit code, from the daemon's process.
    missing = ("run", "no-such-problem", str(SOLUTIONS / "accepted/hash_map.py"))
    warm, here = daemon.judge(*missing), daemon.judge(*missing, daemon=False)
    assert (warm.returncode, warm.stderr) == (here.returncode, here.stderr) == (2, here.stderr)
    assert "no-such-problem" in warm.stderr


@pytest.mark.docker
def test_the_daemon_holds_a_started_container_for_the_next_run(daemon: Daemon) -> None:
    found = client.status(daemon.address)
    assert found is not None and found.sandbox == "docker"
    args = ("run", str(TWO_SUM), str(SOLUTIONS / "accepted/hash_map.py"), "--sandbox", "docker")
    done = daemon.judge(*args, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sandbox"]["kind"] == "docker"
    assert daemon.served() == 1


def test_ctrl_c_reaches_the_command_in_the_daemon(daemon: Daemon, tmp_path: Path) -> None:
    sleeper = tmp_path / "sleeper.py"
    sleeper.write_text("import time\n\ndef two_sum(nums, target):\n    time.sleep(60)\n")
    command = subprocess.Popen(
        [*CLIENT, "run", str(TWO_SUM), str(sleeper), "--sandbox", "process"],
        env=daemon.env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while daemon.served() == 0:  # the daemon took it (it is judging the first sample)
        assert time.monotonic() < deadline and command.poll() is None
        time.sleep(0.05)
    time.sleep(0.3)
    command.send_signal(signal.SIGINT)
    _, stderr = command.communicate(timeout=30)
    assert command.returncode == 1, stderr  # click's "Aborted!", as on a Ctrl-C here
    assert "Aborted" in stderr


def test_requests_that_break_the_protocol_are_dropped_and_the_daemon_serves_on(
    daemon: Daemon,
) -> None:
    garbage = [
        b"not json\n",
        b"[1, 2]\n",
        b'{"op": "launch"}\n',
        b'{"op": "run", "version": "0.1.0", "argv": ["list"]}\n',  # no descriptors, fields
        b"x" * (2 << 20),
    ]
    for data in garbage:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(str(daemon.address.socket))
            try:
                sock.sendall(data)
                sock.shutdown(socket.SHUT_WR)
                assert Channel(sock).receive() is None  # no answer: the connection is dropped
            except OSError:
                pass  # dropped while we were still writing
    assert daemon.served() == 0
    listed = daemon.judge("list")
    assert listed.returncode == 0 and "two-sum" in listed.stdout
    assert daemon.served() == 1


def test_without_a_daemon_or_with_it_turned_off_commands_run_here(
    daemon: Daemon, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(SOCKET_ENV, str(daemon.address.socket))
    monkeypatch.delenv(OFF_ENV, raising=False)
    for not_forwarded in (["daemon", "status"], ["--version"], ["serve"], ["--help"]):
        assert client.forward(not_forwarded) is None
    monkeypatch.setenv(OFF_ENV, "1")
    assert client.forward(["list"]) is None
    monkeypatch.delenv(OFF_ENV)
    monkeypatch.setenv(SOCKET_ENV, str(tmp_path / "none.sock"))
    assert client.forward(["list"]) is None
    assert daemon.served() == 0


def test_a_daemon_of_another_version_declines_and_ends(daemon: Daemon) -> None:
    request = client.run_request(["list"])  # as the console script builds it, but older
    request = dataclasses.replace(request, version="0.0.1")
    null = [os.open(os.devnull, os.O_RDWR) for _ in range(3)]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.connect(str(daemon.address.socket))
            channel = Channel(sock)
            channel.send(request.to_message(), fds=null)
            answer = channel.receive()
    finally:
        for fd in null:
            os.close(fd)
    assert answer is not None and "out of date" in answer["declined"]
    deadline = time.monotonic() + 30
    while daemon.address.socket.exists():  # it ends; the next command runs in its own process
        assert time.monotonic() < deadline
        time.sleep(0.05)
    listed = daemon.judge("list")
    assert listed.returncode == 0 and "two-sum" in listed.stdout
    daemon.judge("daemon", "start", daemon=False)  # for the fixture's stop


def test_a_daemon_whose_judge_changed_on_disk_notices(tmp_path: Path) -> None:
    package, library = tmp_path / "judge", tmp_path / "site-packages"
    package.mkdir()
    library.mkdir()
    (package / "module.py").write_text("x = 1\n")
    snapshot = CodeSnapshot.take(package, (library,))
    assert not snapshot.changed(package, (library,))
    (package / "module.py").write_text("x = 22\n")
    assert snapshot.changed(package, (library,))
    snapshot = CodeSnapshot.take(package, (library,))
    (package / "new.py").write_text("")
    assert snapshot.changed(package, (library,))
    snapshot = CodeSnapshot.take(package, (library,))
    os.utime(library, ns=(0, 0))  # a library installed or upgraded: its folder changed
    assert snapshot.changed(package, (library,))


def test_the_daemons_folder_must_be_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    folder = private_folder()
    assert folder == tmp_path / "judge" and folder.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o777)  # made by someone who wants others in
    with pytest.raises(UnsafeFolder):
        private_folder()
    folder.rmdir()
    folder.symlink_to(tmp_path)  # a link to elsewhere
    with pytest.raises(UnsafeFolder):
        private_folder()


def _ended(pid: int) -> bool:
    """Whether the process is gone (or a zombie: its parent, `daemon start`, has exited, and
    the one that inherits it may be slow to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state == "Z"


def test_daemon_start_status_stop(daemon: Daemon) -> None:
    done = daemon.judge("daemon", "start", daemon=False)
    assert done.returncode == 0 and "already runs" in done.stdout
    status = daemon.judge("daemon", "status", "--json", daemon=False)
    assert status.returncode == 0
    pid = json.loads(status.stdout)["pid"]
    assert daemon.judge("daemon", "stop", daemon=False).returncode == 0
    assert not daemon.address.socket.exists()
    deadline = time.monotonic() + 30
    while not _ended(pid):  # it has released everything; its interpreter is ending
        assert time.monotonic() < deadline
        time.sleep(0.05)
    gone = daemon.judge("daemon", "status", daemon=False)
    assert gone.returncode == 1 and "no judge daemon" in gone.stdout
    restarted = daemon.judge("daemon", "start", daemon=False)  # for the fixture's stop
    assert restarted.returncode == 0
