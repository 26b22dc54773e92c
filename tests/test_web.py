"""`judge serve` through its ASGI app: the guard, the API, judging jobs and practice sets.

The browser itself is `test_web_e2e.py`'s. Here every request goes through Starlette's test
client, with the in-process fake sandbox, so these tests take milliseconds each.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from starlette.testclient import TestClient

from judge.core.catalog import all_problems
from judge.core.verdict import SandboxInfo
from judge.practice.clock import ManualClock
from judge.practice.history import open_history
from judge.sandbox import OpenedSandbox
from judge.sandbox.fake import FakeSandbox
from judge.web.app import STATIC, create_app
from judge.web.security import COOKIE, Secrets
from judge.web.service import Service

FIXTURES = Path(__file__).parent / "fixtures"
SUBMISSIONS = FIXTURES / "submissions"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
RIGHT = (SUBMISSIONS / "ok.py").read_text()
WRONG = (SUBMISSIONS / "wa_negative.py").read_text()


@pytest.fixture
def problems(tmp_path: Path) -> Path:
    """`add`, and a copy of it whose statement tries to put raw HTML in the page."""
    root = tmp_path / "problems"
    shutil.copytree(FIXTURES / "problems" / "add", root / "add")
    shutil.copytree(FIXTURES / "problems" / "add", root / "add-html")
    meta_path = root / "add-html" / "problem.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    meta.update(slug="add-html", title="Add <b>bold</b>", difficulty="hard")
    meta_path.write_text(yaml.safe_dump(meta), encoding="utf-8")
    (root / "add-html" / "statement.md").write_text(
        "Add *two* numbers.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
        "[a link](javascript:alert(3))\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture
def keys() -> Secrets:
    return Secrets()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def app_client(
    problems: Path, keys: Secrets, clock: ManualClock, tmp_path: Path
) -> Iterator[TestClient]:
    """A client that has not traded the token yet (no cookie)."""
    opened = OpenedSandbox(FakeSandbox.importing(), SandboxInfo(kind="fake", notice="a notice"))
    service = Service(all_problems(problems), problems, opened, tmp_path / "h.sqlite3", clock)
    with TestClient(create_app(service, PORT, keys), base_url=BASE) as client:
        yield client


@pytest.fixture
def client(app_client: TestClient, keys: Secrets) -> TestClient:
    """A client that traded the token for the cookie, as the browser does on first load."""
    app_client.get(f"/?token={keys.token}")
    return app_client


def post(client: TestClient, path: str, body: Any, method: str = "POST") -> Any:
    return client.request(method, path, json=body, headers={"origin": BASE})


def judged(client: TestClient, slug: str, code: str, mode: str = "submit") -> dict[str, Any]:
    """Start a job, read its whole event stream, and return the events by name."""
    started = post(client, f"/api/problems/{slug}/jobs", {"mode": mode, "code": code})
    assert started.status_code == 202, started.text
    stream = client.get(f"/api/jobs/{started.json()['id']}/events")
    assert stream.headers["content-type"].startswith("text/event-stream")
    events: dict[str, Any] = {}
    for block in stream.text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.setdefault(fields["event"], []).append(json.loads(fields["data"]))
    return events


# --- the guard -------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/api/problems", "/static/app.js", "/api/problems/add"])
def test_every_route_is_refused_without_the_token(app_client: TestClient, path: str) -> None:
    response = app_client.get(path)
    assert response.status_code == 403
    assert "judge serve" in response.text and "add" not in response.text.split("serve")[0]


def test_the_token_is_traded_for_a_strict_http_only_cookie(
    app_client: TestClient, keys: Secrets
) -> None:
    wrong = app_client.get("/?token=not-the-token", follow_redirects=False)
    assert wrong.status_code == 403 and COOKIE not in wrong.headers.get("set-cookie", "")
    traded = app_client.get(f"/somewhere?token={keys.token}", follow_redirects=False)
    assert traded.status_code == 303
    assert traded.headers["location"] == "/"  # never a path from the request (`//elsewhere`)
    cookie = traded.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert keys.token not in cookie  # the cookie is a second secret
    assert app_client.get("/api/problems").status_code == 200


def test_a_foreign_host_is_refused_even_with_the_cookie(client: TestClient, keys: Secrets) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host."""
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1", f"127.0.0.1:{PORT + 1}"):
        response = client.get("/api/problems", headers={"host": host})
        assert response.status_code == 421, host
        trade = client.get(f"/?token={keys.token}", headers={"host": host})
        assert trade.status_code == 421, host
    assert client.get("/api/problems", headers={"host": f"localhost:{PORT}"}).status_code == 200


def test_a_cross_site_post_is_refused(client: TestClient) -> None:
    body = {"mode": "run", "code": RIGHT}
    for origin in ("https://evil.example", "null", f"http://127.0.0.1:{PORT + 1}"):
        response = client.post("/api/problems/add/jobs", json=body, headers={"origin": origin})
        assert response.status_code == 403, origin
    assert client.post("/api/problems/add/jobs", json=body).status_code == 403  # no Origin
    assert (
        client.post("/api/set", json={}, headers={"origin": "https://evil.example"}).status_code
        == 403
    )
    same = client.post("/api/problems/add/jobs", json=body, headers={"origin": BASE})
    assert same.status_code == 202


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/problems", "/static/app.js", "/api/problems/nope"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"], path
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_the_page_loads_nothing_from_elsewhere() -> None:
    """Every asset is shipped in the package: no CDN, no font service, no Node at run time."""
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith(("/static/", "#")) for source in sources)
    for asset in ("app.js", "app.css", "vendor/editor.js", "vendor/uplot.js", "vendor/uplot.css"):
        assert (STATIC / asset).is_file()
    assert "innerHTML" not in (STATIC / "app.js").read_text().replace(
        "statement.innerHTML = problem.statement_html", ""
    )


# --- problems ---------------------------------------------------------------------------------
def test_the_catalogue_lists_problems_with_standing_and_the_sandbox(client: TestClient) -> None:
    data = client.get("/api/problems").json()
    assert [p["slug"] for p in data["problems"]] == ["add", "add-html"]
    assert {p["standing"] for p in data["problems"]} == {"unsolved"}
    assert data["sandbox"] == {"kind": "fake", "notice": "a notice"}


def test_a_statement_cannot_put_markup_in_the_page(client: TestClient) -> None:
    page = client.get("/api/problems/add-html").json()
    html = page["statement_html"]
    assert "<em>two</em>" in html  # Markdown is rendered...
    assert "<script>" not in html and "<img" not in html  # ...raw HTML is not
    assert "&lt;script&gt;" in html and 'href="javascript:' not in html
    assert page["title"] == "Add <b>bold</b>"  # data, which the page sets as text


@pytest.mark.parametrize("slug", ["nope", "..", "add%2F..%2F..%2Fetc", "ADD", "add "])
def test_problems_are_looked_up_by_slug_never_by_path(client: TestClient, slug: str) -> None:
    response = client.get(f"/api/problems/{slug}")
    assert response.status_code == 404
    assert post(client, f"/api/problems/{slug}/jobs", {"mode": "run", "code": ""}).status_code in (
        404,
        405,
    )


def test_bad_requests_get_a_clear_error(client: TestClient) -> None:
    url = "/api/problems/add/jobs"
    assert post(client, url, {"mode": "both", "code": RIGHT}).json() == {
        "error": "mode must be 'run' or 'submit'"
    }
    assert post(client, url, {"mode": "run", "code": 7}).status_code == 400
    assert post(client, url, [1, 2]).status_code == 400
    raw = client.post(
        url, content=b"{not json", headers={"origin": BASE, "content-type": "application/json"}
    )
    assert raw.status_code == 400 and "JSON" in raw.json()["error"]
    form = client.post(url, data={"mode": "run"}, headers={"origin": BASE})
    assert form.status_code == 400  # a form post (what a cross-site form sends) is not JSON
    huge = post(client, url, {"mode": "run", "code": "#" * (600 * 1024)})
    assert huge.status_code in (400, 413)


# --- judging ------------------------------------------------------------------------------------
def test_submit_streams_every_case_then_the_report_with_the_shrunk_input(
    client: TestClient,
) -> None:
    events = judged(client, "add", WRONG)
    assert [e["state"] for e in events["state"]] == ["queued", "running"]
    report = events["done"][0]["report"]
    assert report["verdict"] == "WA" and events["done"][0]["recorded"] is False
    cases = [case for case in events["case"] if not case["shrunk"]]
    assert len(cases) >= len(report["cases"]) > 2
    failure = next(case for case in report["cases"] if case["verdict"] != "AC")
    assert failure["shrunk"] and failure["input"] == "a=0, b=-1"
    assert any(case["shrunk"] for case in events["case"])  # shrinking steps were streamed


def test_run_judges_the_samples_only(client: TestClient) -> None:
    events = judged(client, "add", WRONG, mode="run")
    report = events["done"][0]["report"]
    assert [group["group"] for group in report["groups"]] == ["samples"]
    assert report["verdict"] == "AC" and any("samples only" in note for note in report["notes"])


def test_a_finished_report_survives_a_reload(client: TestClient) -> None:
    judged(client, "add", RIGHT)
    page = client.get("/api/problems/add").json()
    assert page["last_job"]["state"] == "done"
    assert page["last_job"]["result"]["report"]["verdict"] == "AC"
    again = client.get(f"/api/jobs/{page['last_job']['id']}/events", headers={"last-event-id": "1"})
    ids = [int(line[4:]) for line in again.text.splitlines() if line.startswith("id: ")]
    assert ids == list(range(2, ids[-1] + 1))  # every event after #1, in order, and no more
    assert "event: done" in again.text and "event: case" in again.text


def test_a_queued_job_can_be_cancelled(client: TestClient) -> None:
    slow = "import time\n\ndef add(a, b):\n    time.sleep(0.2)\n    return a + b\n"
    first = post(client, "/api/problems/add/jobs", {"mode": "submit", "code": slow}).json()
    second = post(client, "/api/problems/add/jobs", {"mode": "submit", "code": RIGHT}).json()
    for job in (second, first):
        assert post(client, f"/api/jobs/{job['id']}/cancel", {}).status_code == 202
    for job in (first, second):
        stream = client.get(f"/api/jobs/{job['id']}/events").text
        assert "event: cancelled" in stream and "event: done" not in stream
        assert client.get(f"/api/jobs/{job['id']}").json()["state"] == "cancelled"


# --- practice sets --------------------------------------------------------------------------
def test_a_set_started_on_the_page_is_the_clis_set(
    client: TestClient, tmp_path: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the workspace goes to ./practice-<time>, as the CLI's does
    assert client.get("/api/set").json() == {"set": None}
    started = post(client, "/api/set", {"count": 1, "difficulties": ["hard"], "minutes": 20})
    assert started.status_code == 201, started.text
    running = started.json()["set"]
    assert [p["slug"] for p in running["problems"]] == ["add-html"]
    with open_history(tmp_path / "h.sqlite3") as history:
        active = history.active_set()
    assert active is not None and active.id == running["set"]["id"]
    second = post(client, "/api/set", {"count": 1})
    assert second.status_code == 400 and "already running" in second.json()["error"]

    page = client.get("/api/problems/add-html").json()
    assert page["in_set"] and page["saved"] == page["starter"]
    assert post(client, "/api/problems/add-html/code", {"code": WRONG}, "PUT").json() == {
        "saved": True
    }
    workspace_file = Path(running["problems"][0]["starter"])
    assert workspace_file.read_text() == WRONG  # the terminal sees what the page typed
    assert post(client, "/api/problems/add/code", {"code": WRONG}, "PUT").json() == {"saved": False}

    clock.advance(minutes=3)
    assert judged(client, "add-html", WRONG)["done"][0]["recorded"] is True
    clock.advance(minutes=2)
    assert judged(client, "add-html", RIGHT)["done"][0]["recorded"] is True
    attempts = client.get("/api/problems/add-html/attempts").json()
    assert [a["verdict"] for a in attempts] == ["AC", "WA"]  # newest first

    finished = post(client, "/api/set/finish", {}).json()["set"]
    assert finished["solved"] == 1 and finished["score"] == 100
    stats = client.get("/api/stats").json()
    assert stats["timeline"] == [
        {
            "set_id": running["set"]["id"],
            "started_at": running["set"]["started_at"],
            "finished": True,
            "problems": 1,
            "solved": 1,
            "score": 100.0,
        }
    ]
    assert stats["problems"][0]["slug"] == "add-html" and stats["problems"][0]["solve_s"] == 300
    listed = {p["slug"]: p["standing"] for p in client.get("/api/problems").json()["problems"]}
    assert listed == {"add": "unsolved", "add-html": "solved"}


def test_bad_set_requests_are_refused_with_the_reason(client: TestClient) -> None:
    assert "count" in post(client, "/api/set", {"count": 0}).json()["error"]
    assert "count" in post(client, "/api/set", {"count": "3"}).json()["error"]
    assert post(client, "/api/set", {"difficulties": ["impossible"]}).status_code == 400
    assert post(client, "/api/set", {"tags": "graphs"}).status_code == 400
    assert "fewer than" in post(client, "/api/set", {"count": 5}).json()["error"]
    assert post(client, "/api/set/finish", {}).status_code == 400
