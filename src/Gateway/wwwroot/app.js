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
  $("m-streak").textContent = `${m.streak.current} ${m.streak.unit}${m.streak.current === 1 ? "" : "s"} (best ${m.streak.best})`;
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
