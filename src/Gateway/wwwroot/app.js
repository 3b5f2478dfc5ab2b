// Live leaderboard and member view over Server-Sent Events; plain DOM, no framework.
"use strict";

const $ = (id) => document.getElementById(id);

// The credential comes in the address's fragment (#token=… for a member token, #key=… for an app key), which the
// browser never sends to a server, so it lands in no log; it is kept for this tab and taken out of the address bar.
const credential = (() => {
  const given = new URLSearchParams(location.hash.slice(1));
  const value = given.get("token") ?? given.get("key");
  if (value) {
    sessionStorage.setItem("loyalty-credential", value);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem("loyalty-credential");
})();

const authorized = (headers = {}) => (credential ? { ...headers, Authorization: `Bearer ${credential}` } : headers);

// EventSource cannot send a credential header, so streams are read with fetch. Like EventSource, a dropped stream is
// opened again and a refused one is closed for good.
class LiveStream {
  static CLOSED = 2;

  constructor(url) {
    this.url = url;
    this.listeners = {};
    this.readyState = 0;
    this.onerror = null;
    this.open();
  }

  addEventListener(name, listener) { this.listeners[name] = listener; }

  close() {
    this.readyState = LiveStream.CLOSED;
    this.controller?.abort();
  }

  async open() {
    this.controller = new AbortController();
    try {
      const response = await fetch(this.url, { headers: authorized({ Accept: "text/event-stream" }), signal: this.controller.signal });
      if (!response.ok) {
        this.readyState = LiveStream.CLOSED;
        this.onerror?.();
        return;
      }
      this.readyState = 1;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replaceAll("\r\n", "\n");
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch { /* dropped, or closed by us */ }
    if (this.readyState === LiveStream.CLOSED) return;
    this.readyState = 0;
    this.onerror?.();
    setTimeout(() => { if (this.readyState !== LiveStream.CLOSED) this.open(); }, 1000);
  }

  dispatch(block) {
    let name = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length) this.listeners[name]?.({ data: data.join("\n") });
  }
}
const number = new Intl.NumberFormat();
const state = { boardSource: null, memberSource: null };

function setStatus(text) { $("status").textContent = text; }

function currentPeriod(kind) {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  if (kind === "month") return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}`;
  if (kind === "day") return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
  if (kind === "week") {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const day = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - day);
    const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
    const week = Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
    return `${d.getUTCFullYear()}-W${pad(week)}`;
  }
  return "all";
}

function period() {
  const kind = $("period-kind").value;
  return kind === "all" ? "all" : ($("period-value").value.trim() || currentPeriod(kind));
}

function base() { return `/v1/programs/${encodeURIComponent($("program").value.trim() || "demo")}`; }

function renderBoard(entries) {
  const rows = $("board-rows");
  rows.replaceChildren();
  if (!entries.length) {
    const tr = rows.insertRow();
    const td = tr.insertCell();
    td.colSpan = 3;
    td.textContent = "No scores yet.";
    return;
  }
  const me = $("member").value.trim();
  for (const e of entries) {
    const tr = rows.insertRow();
    if (e.memberId === me) tr.className = "me";
    tr.insertCell().textContent = e.rank;
    tr.insertCell().textContent = e.memberId;
    const score = tr.insertCell();
    score.className = "num";
    score.textContent = number.format(e.score);
  }
}

function watchBoard() {
  state.boardSource?.close();
  $("period-missing").hidden = true;
  $("board-table").hidden = false;
  renderBoard([]); // never the previous choice's board under this choice's label
  const query = `period=${encodeURIComponent(period())}&top=10`;
  const source = new LiveStream(`${base()}/leaderboards/${$("board").value}/live?${query}`);
  source.addEventListener("leaderboard", (message) => {
    renderBoard(JSON.parse(message.data).entries);
    setStatus(`Live · updated ${new Date().toLocaleTimeString()}`);
  });
  source.onerror = () => {
    // A refused stream is closed for good (the browser retries only a dropped one): ask the plain route why.
    if (source.readyState === LiveStream.CLOSED && state.boardSource === source) explainRefusal(query);
    else setStatus("Reconnecting…");
  };
  state.boardSource = source;
}

const kindNames = { day: ["Day", "days", "Today"], week: ["ISO week", "weeks", "This week"], month: ["Month", "months", "This month"] };

async function explainRefusal(query) {
  const source = state.boardSource;
  let problem = null;
  try {
    const response = await fetch(`${base()}/leaderboards/${$("board").value}?${query}`, { headers: authorized() });
    if (!response.ok) problem = await response.json();
  } catch { /* the gateway is unreachable */ }
  if (state.boardSource !== source) return; // another choice was made meanwhile
  if (problem?.currentPeriods) return showPeriodsKept(problem);
  if (problem?.status === 401) return setStatus("This page needs a credential: add #key=<app key> or #token=<member token> to its address.");
  const because = problem?.detail ?? Object.entries(problem?.errors ?? {}).map(([field, errors]) => `${field} ${errors.join(", ")}`).join("; ");
  setStatus(problem ? `${problem.title} ${because}` : "Disconnected; choose again to retry.");
}

function showPeriodsKept(problem) {
  const kind = $("period-kind").value;
  const [name, plural] = kindNames[kind];
  $("board-table").hidden = true;
  $("period-missing-text").textContent =
    `${name} ${period()} is not kept: this program keeps ${plural} back to ${problem.oldestKeptPeriods[kind]}. Show a period that is kept:`;
  const offers = $("kept-periods");
  offers.replaceChildren();
  const offer = (label, chosenKind, value) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", () => choosePeriod(chosenKind, value));
    offers.append(button);
  };
  offer("All time", "all", "");
  for (const k of ["month", "week", "day"]) offer(`${kindNames[k][2]} (${problem.currentPeriods[k]})`, k, problem.currentPeriods[k]);
  $("period-missing").hidden = false;
  setStatus("Period not kept");
}

function renderMember(view) {
  const m = view.member;
  $("member-missing").hidden = true;
  $("member-view").hidden = false;
  $("m-available").textContent = number.format(m.points.available);
  $("m-pending").textContent = number.format(m.points.pending);
  $("m-earned").textContent = number.format(m.points.lifetimeEarned);
  const freezes = m.streak.freezeTokens ? `, ${m.streak.freezeTokens} freeze${m.streak.freezeTokens === 1 ? "" : "s"}` : "";
  $("m-streak").textContent = `${m.streak.current} ${m.streak.unit}${m.streak.current === 1 ? "" : "s"} (best ${m.streak.best}${freezes})`;
  $("m-rank").textContent = view.standing ? `#${number.format(view.standing.rank)}` : "–";
  const tier = m.tier;
  if (tier.next) {
    const pct = Math.min(100, Math.floor((tier.qualifyingSpendMinor * 100) / tier.nextThresholdMinor));
    $("m-tier").textContent = `Tier ${tier.current}: ${pct}% of the way to ${tier.next}`;
    $("m-progress").value = pct;
  } else {
    $("m-tier").textContent = `Tier ${tier.current}: top tier`;
    $("m-progress").value = 100;
  }
  $("m-badges").textContent = m.badges.length ? m.badges.map((b) => b.id).join(", ") : "none yet";
  $("m-engagements").textContent = number.format(m.engagement?.total ?? 0);
  const surveys = m.surveys ?? [];
  $("m-surveys").textContent = surveys.length
    ? surveys.map((s) => `${s.survey.toUpperCase()} ${s.score} (${new Date(s.answeredAt).toLocaleDateString()})`).join(", ")
    : "none answered";
  renderChallenges(m.challenges ?? []);
  renderNews(m.notifications ?? []);
  const around = $("m-around");
  around.replaceChildren();
  for (const e of view.standing?.around ?? []) {
    const li = document.createElement("li");
    if (e.memberId === m.memberId) li.className = "me";
    li.textContent = `#${e.rank} ${e.memberId}`;
    const score = document.createElement("span");
    score.textContent = number.format(e.score);
    li.append(score);
    around.append(li);
  }
}

function renderChallenges(challenges) {
  const list = $("m-challenges");
  list.replaceChildren();
  for (const c of challenges) {
    const li = document.createElement("li");
    const pct = Math.floor(c.progress * 100);
    const label = document.createElement("span");
    label.textContent = c.completedAt
      ? `${c.challengeId}: done${c.winner ? `, winner #${c.position}` : c.position ? `, #${c.position}` : ""}`
      : `${c.challengeId}: ${pct}%`;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = pct;
    bar.setAttribute("aria-label", `${c.challengeId} progress`);
    li.append(label, bar);
    list.append(li);
  }
  if (!challenges.length) list.innerHTML = "<li>None running.</li>";
}

const newsText = {
  tierUp: (n) => `Reached ${n.tier}`,
  badgeEarned: (n) => `Badge ${n.badge}`,
  challengeCompleted: (n) => `Completed ${n.challenge}`,
  pointsExpiringSoon: (n) => `${number.format(n.points)} points expire ${new Date(n.expiresAt).toLocaleDateString()}`,
};

function renderNews(notifications) {
  const list = $("m-news");
  list.replaceChildren();
  for (const n of notifications.slice(-5).reverse()) {
    const li = document.createElement("li");
    li.textContent = (newsText[n.kind] ?? (() => n.kind))(n);
    list.append(li);
  }
  if (!notifications.length) list.innerHTML = "<li>Nothing yet.</li>";
}

function watchMember() {
  state.memberSource?.close();
  const id = $("member").value.trim();
  if (!id) return;
  const url = `${base()}/members/${encodeURIComponent(id)}/live?board=${$("board").value}&period=${encodeURIComponent(period())}&around=2`;
  const source = new LiveStream(url);
  source.addEventListener("member", (message) => renderMember(JSON.parse(message.data)));
  source.addEventListener("missing", () => { $("member-view").hidden = true; $("member-missing").hidden = false; });
  // Refused (e.g. a period not kept, which the board explains): hide figures that belong to another choice.
  source.onerror = () => { if (source.readyState === LiveStream.CLOSED) $("member-view").hidden = true; };
  state.memberSource = source;
}

function choosePeriod(kind, value) {
  $("period-kind").value = kind;
  $("period-value-label").hidden = kind === "all";
  $("period-value").value = value;
  refresh();
}

function periodChanged() {
  const kind = $("period-kind").value;
  choosePeriod(kind, kind === "all" ? "" : currentPeriod(kind));
}

function refresh() { watchBoard(); watchMember(); }

document.addEventListener("DOMContentLoaded", () => {
  $("board").addEventListener("change", refresh);
  $("period-kind").addEventListener("change", periodChanged);
  $("period-value").addEventListener("change", refresh);
  $("board-form").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("program").addEventListener("change", refresh);
  $("member-form").addEventListener("submit", (e) => { e.preventDefault(); watchMember(); watchBoard(); });
  const params = new URLSearchParams(location.search);
  if (params.get("program")) $("program").value = params.get("program");
  if (params.get("member")) $("member").value = params.get("member");
  refresh();
});
