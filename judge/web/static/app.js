// The practice app's page: hash routes over the JSON API of `judge serve`.
// Everything from the server that is not the statement is put in the page as text (never as
// HTML): submissions' output, messages and inputs are hostile. The statement is Markdown
// rendered on the server with raw HTML off.
"use strict";

const view = document.getElementById("view");
const state = { catalogue: null, editor: null, source: null, timer: null, set: null };

// --- small helpers ---------------------------------------------------------------------------
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "text") element.textContent = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

async function api(path, options = {}) {
  const init = { method: options.method || "GET", headers: {} };
  if (options.body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  const data = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(data.error || `${response.status}`);
  return data;
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "-";
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m ? `${m}m ${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

function show(...children) {
  view.replaceChildren(...children);
}

function failure(error) {
  return h("p", { class: "error", role: "alert", text: String(error.message || error) });
}

function hideDifficulty() {
  return Boolean(state.set && localStorage.getItem(`judge:hide-difficulty:${state.set.set.id}`));
}

// --- the running set: header timer -----------------------------------------------------------
async function refreshSet() {
  try {
    state.set = (await api("/api/set")).set;
  } catch (error) {
    state.set = null;
  }
  const timer = document.getElementById("timer");
  clearInterval(state.timer);
  if (!state.set) {
    timer.hidden = true;
    return;
  }
  const deadline = Date.parse(state.set.set.deadline);
  const tick = () => {
    const left = (deadline - Date.now()) / 1000;
    timer.textContent = left >= 0 ? `${duration(left)} left` : `${duration(-left)} over time`;
    timer.classList.toggle("late", left < 0);
  };
  tick();
  timer.hidden = false;
  state.timer = setInterval(tick, 1000);
}

// --- problems --------------------------------------------------------------------------------
async function catalogue() {
  state.catalogue = state.catalogue || (await api("/api/problems"));
  const notice = document.getElementById("notice");
  notice.textContent = state.catalogue.sandbox.notice || "";
  notice.hidden = !state.catalogue.sandbox.notice;
  return state.catalogue;
}

function options(values) {
  return [h("option", { value: "", text: "any" }), ...values.map((v) => h("option", { value: v, text: v }))];
}

async function problemsView() {
  const { problems } = await catalogue();
  const unique = (pick) => [...new Set(problems.flatMap(pick))].sort();
  const filters = {
    category: h("select", { "data-testid": "filter-category" }, options(unique((p) => [p.category]))),
    level: h("select", { "data-testid": "filter-level" }, options(unique((p) => p.levels))),
    skill: h("select", { "data-testid": "filter-skill" }, options(unique((p) => p.skills))),
    difficulty: h("select", { "data-testid": "filter-difficulty" }, options(["easy", "medium", "hard"])),
    standing: h("select", { "data-testid": "filter-standing" }, options(["unsolved", "failed", "solved"])),
  };
  const search = h("input", { type: "search", placeholder: "Search titles", "data-testid": "search" });
  const body = h("tbody");
  const count = h("span", { class: "muted" });
  const hidden = hideDifficulty();
  const render = () => {
    const words = search.value.trim().toLowerCase();
    const shown = problems.filter(
      (p) =>
        (!filters.category.value || p.category === filters.category.value) &&
        (!filters.level.value || p.levels.includes(filters.level.value)) &&
        (!filters.skill.value || p.skills.includes(filters.skill.value)) &&
        (!filters.difficulty.value || p.difficulty === filters.difficulty.value) &&
        (!filters.standing.value || p.standing === filters.standing.value) &&
        (!words || p.title.toLowerCase().includes(words)),
    );
    body.replaceChildren(
      ...shown.map((p) =>
        h(
          "tr",
          { "data-slug": p.slug },
          h("td", {}, h("a", { href: `#/p/${encodeURIComponent(p.slug)}`, text: p.title })),
          h("td", { text: hidden ? "hidden" : p.difficulty }),
          h("td", { text: p.category }),
          h("td", { class: "skills", text: p.skills.join(", ") }),
          h("td", { class: `standing ${p.standing}`, text: p.standing }),
        ),
      ),
    );
    count.textContent = `${shown.length} of ${problems.length}`;
  };
  for (const control of [...Object.values(filters), search]) control.addEventListener("input", render);
  render();
  show(
    h("h1", { text: "Problems" }),
    h(
      "div",
      { class: "filters" },
      Object.entries(filters).map(([name, control]) => h("label", {}, `${name} `, control)),
      search,
      count,
    ),
    h(
      "table",
      { class: "problems", "data-testid": "problems" },
      h("thead", {}, h("tr", {}, ["title", "difficulty", "category", "skills", "standing"].map((c) => h("th", { text: c })))),
      body,
    ),
  );
}

// --- one problem: statement, editor, judging -------------------------------------------------
function mountEditor(parent, text, onChange) {
  if (window.JudgeEditor) {
    const nonce = document.documentElement.dataset.styleNonce;
    const editor = window.JudgeEditor.mount(parent, text, onChange, nonce);
    return { text: () => window.JudgeEditor.text(editor), element: editor.dom };
  }
  const area = h("textarea", { class: "plain-editor", spellcheck: "false" });
  area.value = text;
  area.addEventListener("input", () => onChange(area.value));
  parent.append(area);
  return { text: () => area.value, element: area };
}

async function problemView(slug) {
  const problem = await api(`/api/problems/${encodeURIComponent(slug)}`);
  const draftKey = `judge:draft:${slug}`;
  const initial = problem.saved ?? localStorage.getItem(draftKey) ?? problem.starter;
  let saveTimer = null;
  const onChange = (text) => {
    if (!problem.in_set) {
      localStorage.setItem(draftKey, text);
      return;
    }
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      api(`/api/problems/${encodeURIComponent(slug)}/code`, { method: "PUT", body: { code: text } }).catch(() => {});
    }, 800);
  };
  const editorBox = h("div", { class: "editor", "data-testid": "editor" });
  const status = h("p", { class: "status", "data-testid": "status", "aria-live": "polite" });
  const progress = h("div", { class: "progress", "data-testid": "progress" });
  const result = h("div", { class: "result", "data-testid": "result" });
  const attempts = h("div", { class: "attempts" });
  const run = h("button", { "data-testid": "run", text: "Run samples" });
  const submit = h("button", { class: "primary", "data-testid": "submit", text: "Submit" });
  const cancel = h("button", { "data-testid": "cancel", text: "Cancel", disabled: true });
  const reset = h("button", { class: "quiet", text: "Reset to starter" });
  const statement = h("div", { class: "statement" });
  statement.innerHTML = problem.statement_html; // server-rendered Markdown, raw HTML off
  const hidden = problem.in_set && hideDifficulty();
  show(
    h(
      "div",
      { class: "problem" },
      h(
        "section",
        { class: "left" },
        h("h1", { text: problem.title }),
        h(
          "p",
          { class: "muted" },
          hidden ? "" : `${problem.difficulty} · `,
          `${problem.category} · ${problem.skills.join(", ")} · time limit ${problem.limits.time_s} s · memory ${problem.limits.memory_mib} MiB`,
          problem.in_set ? h("strong", { text: " · in your practice set" }) : "",
        ),
        statement,
        h("h2", { text: "Signature" }),
        h("pre", { class: "code", text: problem.signature }),
        h("h2", { text: "Examples" }),
        problem.examples.map((example, index) =>
          h(
            "div",
            { class: "example" },
            h("h3", { text: `Example ${index + 1}` }),
            h("pre", { class: "code", text: example.lines.join("\n") }),
            example.explanation ? h("p", { text: example.explanation }) : null,
          ),
        ),
        h("p", { class: "muted", text: `Expected: ${problem.complexity}` }),
      ),
      h(
        "section",
        { class: "right" },
        editorBox,
        h("div", { class: "buttons" }, run, submit, cancel, reset),
        status,
        progress,
        result,
        h("h2", { text: "Past attempts" }),
        attempts,
      ),
    ),
  );
  const editor = mountEditor(editorBox, initial, onChange);
  reset.addEventListener("click", () => {
    if (window.confirm("Replace the editor's code with the starter?")) problemReset(slug, problem, draftKey);
  });
  const buttons = { run, submit, cancel };
  run.addEventListener("click", () => startJob(slug, "run", editor.text(), buttons, status, progress, result, attempts));
  submit.addEventListener("click", () => startJob(slug, "submit", editor.text(), buttons, status, progress, result, attempts));
  loadAttempts(slug, attempts);
  if (problem.last_job) follow(problem.last_job, buttons, status, progress, result, () => loadAttempts(slug, attempts));
}

function problemReset(slug, problem, draftKey) {
  localStorage.removeItem(draftKey);
  if (problem.in_set) {
    api(`/api/problems/${encodeURIComponent(slug)}/code`, { method: "PUT", body: { code: problem.starter } })
      .then(() => route());
  } else {
    route();
  }
}

async function loadAttempts(slug, box) {
  try {
    const found = await api(`/api/problems/${encodeURIComponent(slug)}/attempts`);
    if (!found.length) {
      box.replaceChildren(h("p", { class: "muted", text: "None yet: submissions in a practice set are recorded here." }));
      return;
    }
    box.replaceChildren(
      h(
        "table",
        { "data-testid": "attempts" },
        h("thead", {}, h("tr", {}, ["when", "set", "verdict", "score", "cases", "slowest"].map((c) => h("th", { text: c })))),
        h(
          "tbody",
          {},
          found.map((a) =>
            h(
              "tr",
              {},
              h("td", { text: new Date(a.submitted_at).toLocaleString() }),
              h("td", { text: `#${a.set_id}${a.late ? " (late)" : ""}` }),
              h("td", { class: `verdict ${a.verdict}`, text: a.verdict }),
              h("td", { text: a.score }),
              h("td", { text: `${a.cases_passed}/${a.cases_total}` }),
              h("td", { text: a.runtime_ms === null ? "-" : `${a.runtime_ms} ms` }),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    box.replaceChildren(failure(error));
  }
}

async function startJob(slug, mode, code, buttons, status, progress, result, attempts) {
  try {
    const job = await api(`/api/problems/${encodeURIComponent(slug)}/jobs`, { method: "POST", body: { mode, code } });
    follow(job, buttons, status, progress, result, () => loadAttempts(slug, attempts));
  } catch (error) {
    status.replaceChildren(failure(error));
  }
}

function follow(job, buttons, status, progress, result, onDone) {
  if (state.source) state.source.close();
  const busy = (on) => {
    buttons.run.disabled = on;
    buttons.submit.disabled = on;
    buttons.cancel.disabled = !on;
  };
  const counts = {};
  let shrinking = 0;
  const drawProgress = () => {
    progress.replaceChildren(
      ...Object.entries(counts).map(([group, c]) =>
        h("span", { class: `chip ${c.failed ? "bad" : "good"}`, text: `${group} ${c.passed}/${c.seen}` }),
      ),
      shrinking ? h("span", { class: "chip", text: `shrinking: ${shrinking} tries` }) : "",
    );
  };
  result.replaceChildren();
  progress.replaceChildren();
  if (job.state === "done" || job.state === "failed" || job.state === "cancelled") {
    finish(job.state, job.result || {}, status, result);
    busy(false);
    return;
  }
  busy(true);
  status.textContent = job.mode === "run" ? "Running the samples…" : "Judging…";
  buttons.cancel.onclick = () => {
    status.textContent = "Cancelling (after the case under way)…";
    api(`/api/jobs/${job.id}/cancel`, { method: "POST", body: {} }).catch((error) => status.replaceChildren(failure(error)));
  };
  const source = new EventSource(`/api/jobs/${encodeURIComponent(job.id)}/events`);
  state.source = source;
  source.addEventListener("case", (event) => {
    const c = JSON.parse(event.data);
    if (c.shrunk) {
      shrinking += 1;
    } else {
      const group = (counts[c.group] = counts[c.group] || { seen: 0, passed: 0, failed: false });
      group.seen += 1;
      if (c.verdict === "AC") group.passed += 1;
      else group.failed = true;
    }
    drawProgress();
  });
  for (const end of ["done", "failed", "cancelled"]) {
    source.addEventListener(end, (event) => {
      source.close();
      busy(false);
      finish(end, JSON.parse(event.data), status, result);
      onDone();
    });
  }
}

function finish(how, data, status, result) {
  if (how === "cancelled") {
    status.textContent = "Cancelled.";
    return;
  }
  if (how === "failed") {
    status.replaceChildren(failure(data.message || "failed"));
    return;
  }
  const report = data.report;
  status.replaceChildren(
    h("span", { class: `verdict big ${report.verdict}`, "data-testid": "verdict", text: `${report.verdict_title} (${report.verdict})` }),
    ` score ${report.score}/100 · ${report.elapsed_s} s`,
    data.recorded ? " · recorded in your practice set" : "",
  );
  const rows = report.groups.map((g) =>
    h(
      "tr",
      {},
      h("td", { text: g.group }),
      h("td", { class: `verdict ${g.verdict}`, text: g.verdict }),
      h("td", { text: `${g.passed}/${g.cases}` }),
      h("td", { text: `${g.score}/${g.weight}` }),
      h("td", { text: g.max_time_ms === null ? "-" : `${g.max_time_ms} ms` }),
      h("td", { text: `${g.time_limit_s} s` }),
    ),
  );
  const first = report.cases.find((c) => c.verdict !== "AC");
  const copy = first && first.input !== null
    ? h("button", {
        "data-testid": "copy-input",
        text: "Copy input",
        onclick: () => navigator.clipboard.writeText(first.input).catch(() => {}),
      })
    : null;
  result.replaceChildren(
    report.message ? h("pre", { class: "message", "data-testid": "report-message", text: report.message }) : "",
    rows.length
      ? h(
          "table",
          { "data-testid": "groups" },
          h("thead", {}, h("tr", {}, ["group", "verdict", "passed", "score", "slowest", "limit"].map((c) => h("th", { text: c })))),
          h("tbody", {}, rows),
        )
      : "",
    first
      ? h(
          "div",
          { class: "failure", "data-testid": "failure" },
          h("h3", { text: `First failure: ${first.group} #${first.index} (${first.verdict})${first.shrunk ? ", shrunk to a minimal input" : ""}` }),
          first.input !== null ? [h("h4", { text: "Input" }), h("pre", { "data-testid": "failure-input", text: first.input }), copy] : "",
          first.expected !== null ? [h("h4", { text: "Expected" }), h("pre", { "data-testid": "failure-expected", text: first.expected })] : "",
          first.got !== null ? [h("h4", { text: "Got" }), h("pre", { "data-testid": "failure-got", text: first.got })] : "",
          first.message ? [h("h4", { text: "Message" }), h("pre", { "data-testid": "failure-message", text: first.message })] : "",
        )
      : "",
    report.notes.map((note) => h("p", { class: "muted", text: note })),
  );
}

// --- practice set ----------------------------------------------------------------------------
async function setView() {
  await refreshSet();
  const running = state.set;
  if (running) {
    const hidden = hideDifficulty();
    const finishButton = h("button", { class: "primary", "data-testid": "finish-set", text: "Finish the set" });
    finishButton.addEventListener("click", async () => {
      try {
        const done = (await api("/api/set/finish", { method: "POST", body: {} })).set;
        await refreshSet();
        show(h("h1", { text: "Set finished" }), summary(done, false), h("p", {}, h("a", { href: "#/progress", text: "See your progress" })));
      } catch (error) {
        view.append(failure(error));
      }
    });
    show(
      h("h1", { text: "Practice set" }),
      h("p", { class: "muted", text: `Workspace: ${running.set.workspace} (the CLI sees the same set: judge practice status)` }),
      summary(running, hidden),
      finishButton,
    );
    return;
  }
  const { problems } = await catalogue();
  const skills = [...new Set(problems.flatMap((p) => p.skills))].sort();
  const count = h("input", { type: "number", min: "1", max: "50", value: "3", "data-testid": "set-count" });
  const minutes = h("input", { type: "number", min: "1", max: "1440", placeholder: "suggested", "data-testid": "set-minutes" });
  const difficulty = h("select", {}, options(["easy", "medium", "hard"]));
  const category = h("select", {}, options(["must", "good-to-know", "specialisation"]));
  const skill = h("select", {}, options(skills));
  const weighting = h("select", {}, h("option", { value: "weak", text: "weak spots first" }), h("option", { value: "uniform", text: "uniform" }));
  const hide = h("input", { type: "checkbox", "data-testid": "set-hide-difficulty" });
  const start = h("button", { class: "primary", "data-testid": "start-set", text: "Start" });
  const message = h("div");
  start.addEventListener("click", async () => {
    const pick = (select) => (select.value ? [select.value] : []);
    try {
      const started = (
        await api("/api/set", {
          method: "POST",
          body: {
            count: Number(count.value),
            minutes: minutes.value ? Number(minutes.value) : null,
            difficulties: pick(difficulty),
            categories: pick(category),
            tags: pick(skill),
            uniform: weighting.value === "uniform",
          },
        })
      ).set;
      if (hide.checked) localStorage.setItem(`judge:hide-difficulty:${started.set.id}`, "1");
      await setView();
    } catch (error) {
      message.replaceChildren(failure(error));
    }
  });
  show(
    h("h1", { text: "Start a practice set" }),
    h(
      "div",
      { class: "form" },
      h("label", {}, "Problems ", count),
      h("label", {}, "Minutes ", minutes),
      h("label", {}, "Difficulty ", difficulty),
      h("label", {}, "Category ", category),
      h("label", {}, "Skill ", skill),
      h("label", {}, "Draw ", weighting),
      h("label", {}, hide, " hide difficulty (a mock interview)"),
      start,
    ),
    message,
  );
}

function summary(progress, hidden) {
  return h(
    "div",
    { class: "set-summary", "data-testid": "set-summary" },
    h("p", { text: `Solved ${progress.solved}/${progress.problems.length} in time · score ${progress.score}/100 · ${progress.time_left_s >= 0 ? duration(progress.time_left_s) + " left" : duration(-progress.time_left_s) + " over"}` }),
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, ["problem", "difficulty", "attempts", "status", "time"].map((c) => h("th", { text: c })))),
      h(
        "tbody",
        {},
        progress.problems.map((p) =>
          h(
            "tr",
            { "data-slug": p.slug },
            h("td", {}, h("a", { href: `#/p/${encodeURIComponent(p.slug)}`, text: p.title })),
            h("td", { text: hidden ? "hidden" : p.difficulty }),
            h("td", { text: p.attempts.length }),
            h("td", { class: p.solved ? "standing solved" : "standing unsolved", text: p.solved ? (p.solved_on_time ? "solved" : "solved late") : p.attempts.length ? "tried" : "open" }),
            h("td", { text: duration(p.solve_s) }),
          ),
        ),
      ),
    ),
  );
}

// --- progress --------------------------------------------------------------------------------
function table(testid, columns, rows) {
  return h(
    "table",
    { "data-testid": testid },
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { text: c })))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell) => h("td", { text: cell }))))),
  );
}

function plot(title, testid, series, data, bars) {
  // x is a position (set 1, 2, … or problem 1, 2, …) named by data.labels: with few sets a
  // time axis spreads one point over years.
  const box = h("div", { class: "plot", "data-testid": testid });
  const n = data.values[0].length;
  const options = {
    title,
    width: Math.min(640, Math.max(320, view.clientWidth / 2 - 40)),
    height: 220,
    scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [{ values: (u, splits) => splits.map((i) => (Number.isInteger(i) ? data.labels[i] || "" : "")) }, {}],
    series: [{}, ...series],
  };
  if (!window.uPlot) {
    box.textContent = "(the chart script did not load)";
    return box;
  }
  if (bars) options.series = [{}, ...series.map((s) => ({ ...s, paths: window.uPlot.paths.bars({ size: [0.6] }) }))];
  new window.uPlot(options, data.values, box);
  return box;
}

async function progressView() {
  const stats = await api("/api/stats");
  const timeline = stats.timeline;
  const solvedProblems = stats.problems.filter((p) => p.solve_s !== null);
  const rowOf = (r) => [r.name, r.drawn, r.tried, r.attempts, r.solved, r.first_try_rate === null ? "-" : `${Math.round(r.first_try_rate * 100)}%`, duration(r.median_solve_s)];
  show(
    h("h1", { text: "Progress" }),
    h("p", { class: "muted", text: `${stats.sets} sets, ${stats.attempts} attempts` }),
    h(
      "div",
      { class: "plots" },
      timeline.length
        ? plot("Score and problems solved per set", "plot-sets", [
            { label: "score", stroke: "#2563eb", width: 2 },
            { label: "solved", stroke: "#16a34a", width: 2 },
          ], {
            values: [timeline.map((_, i) => i), timeline.map((p) => p.score), timeline.map((p) => p.solved)],
            labels: timeline.map((p) => new Date(p.started_at).toLocaleDateString()),
          })
        : h("p", { class: "muted", text: "No sets yet: start one to see plots here." }),
      solvedProblems.length
        ? plot("Median time to solve (minutes)", "plot-times", [{ label: "minutes", stroke: "#9333ea", fill: "#9333ea55" }], {
            values: [solvedProblems.map((_, i) => i), solvedProblems.map((p) => Math.round(p.solve_s / 0.6) / 100)],
            labels: solvedProblems.map((p) => p.slug),
          }, true)
        : "",
    ),
    h("h2", { text: "By problem" }),
    table("stats-problems", ["problem", "drawn", "attempts", "best score", "last verdict", "median time"],
      stats.problems.map((p) => [p.slug, p.drawn, p.attempts, p.best_score ?? "-", p.last_verdict ?? "-", duration(p.solve_s)])),
    h("h2", { text: "By skill" }),
    table("stats-skills", ["skill", "drawn", "tried", "attempts", "solved", "first try", "median"], stats.skills.map(rowOf)),
    h("h2", { text: "By category" }),
    table("stats-categories", ["category", "drawn", "tried", "attempts", "solved", "first try", "median"], stats.categories.map(rowOf)),
    h("h2", { text: "Review queue" }),
    stats.review.length
      ? table("review", ["problem", "why"], stats.review.map((item) => [item.title, item.reason]))
      : h("p", { class: "muted", text: "Nothing to review." }),
  );
}

// --- routing ---------------------------------------------------------------------------------
async function route() {
  if (state.source) {
    state.source.close();
    state.source = null;
  }
  const hash = location.hash || "#/";
  const problem = hash.match(/^#\/p\/([a-z0-9-]+)$/);
  const page = problem ? "problem" : hash === "#/set" ? "set" : hash === "#/progress" ? "progress" : "problems";
  for (const link of document.querySelectorAll("[data-nav]")) {
    link.classList.toggle("active", link.dataset.nav === page);
  }
  try {
    await refreshSet();
    if (problem) await problemView(problem[1]);
    else if (page === "set") await setView();
    else if (page === "progress") await progressView();
    else await problemsView();
  } catch (error) {
    show(failure(error));
  }
}

window.addEventListener("hashchange", route);
route();
