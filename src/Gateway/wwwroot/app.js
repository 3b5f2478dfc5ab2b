// Live leaderboard and member view over Server-Sent Events; plain DOM, no framework.
"use strict";

const $ = (id) => document.getElementById(id);
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
  const url = `${base()}/leaderboards/${$("board").value}/live?period=${encodeURIComponent(period())}&top=10`;
  const source = new EventSource(url);
  source.addEventListener("leaderboard", (message) => {
    renderBoard(JSON.parse(message.data).entries);
    setStatus(`Live · updated ${new Date().toLocaleTimeString()}`);
  });
  source.onerror = () => setStatus("Reconnecting…");
  state.boardSource = source;
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
  const source = new EventSource(url);
  source.addEventListener("member", (message) => renderMember(JSON.parse(message.data)));
  source.addEventListener("missing", () => { $("member-view").hidden = true; $("member-missing").hidden = false; });
  state.memberSource = source;
}

function periodChanged() {
  const kind = $("period-kind").value;
  $("period-value-label").hidden = kind === "all";
  $("period-value").value = kind === "all" ? "" : currentPeriod(kind);
  refresh();
}

function refresh() { watchBoard(); watchMember(); }

document.addEventListener("DOMContentLoaded", () => {
  $("board").addEventListener("change", refresh);
  $("period-kind").addEventListener("change", periodChanged);
  $("period-value").addEventListener("change", refresh);
  $("program").addEventListener("change", refresh);
  $("member-form").addEventListener("submit", (e) => { e.preventDefault(); watchMember(); watchBoard(); });
  const params = new URLSearchParams(location.search);
  if (params.get("program")) $("program").value = params.get("program");
  if (params.get("member")) $("member").value = params.get("member");
  refresh();
});
