// The program's KPIs: headline figures, and three charts drawn by the kept copy of Chart.js (lib/, served by the
// gateway itself): the daily series, members per tier and NPS per tier. Each chart's canvas is labelled with what
// it shows, and its figures are also given as a table for those who cannot see it.
import { call, programPath } from "./api.js";

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat();
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
const colours = ["#2f6fdb", "#d9480f", "#2b8a3e", "#ae3ec9", "#e8590c", "#1098ad", "#5c7cfa", "#f08c00"];

/** yyyy-MM-dd of an instant in the program's time zone. */
function localDate(instant, timeZone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

function tableOf(caption, headings, rows) {
  const table = document.createElement("table");
  table.innerHTML = `<caption>${caption}</caption><thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>`;
  const body = document.createElement("tbody");
  for (const values of rows) {
    const tr = document.createElement("tr");
    for (const value of values) {
      const td = document.createElement("td");
      td.textContent = typeof value === "number" ? number.format(value) : value;
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}

export class KpiPanel {
  constructor() {
    this.charts = {};
    this.form = $("kpi-form");
    this.status = $("kpi-status");
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.load(); });
  }

  /** The program and its time zone; the daily range starts as the 30 local days ending today. */
  use(programId, timeZone) {
    const changed = this.programId !== programId;
    this.programId = programId;
    this.timeZone = timeZone || "UTC";
    if (changed || !$("kpi-to").value) {
      const now = Date.now();
      $("kpi-to").value = localDate(now, this.timeZone);
      $("kpi-from").value = localDate(now - 29 * 86_400_000, this.timeZone);
    }
  }

  async load() {
    if (!this.programId) return;
    this.status.textContent = "Loading…";
    const query = new URLSearchParams({ from: $("kpi-from").value, to: $("kpi-to").value });
    const [totals, byTier, daily] = await Promise.all([
      call(programPath(this.programId, "kpis")),
      call(programPath(this.programId, "kpis") + "?by=tier"),
      call(programPath(this.programId, "kpis", "daily") + `?${query}`),
    ]);
    const failed = [totals, byTier, daily].find((answer) => !answer.ok);
    if (failed) {
      this.status.textContent = Object.entries(failed.errors).map(([field, messages]) => `${field} ${messages.join("; ")}`).join(". ") || failed.message;
      this.status.classList.add("problem");
      return;
    }
    this.status.classList.remove("problem");
    this.status.textContent = `As of ${new Date(totals.data.asOf).toLocaleString()}.`;
    this.headline(totals.data);
    this.drawDaily(daily.data.days);
    this.drawTiers(totals.data.tiers ?? {});
    this.drawNps(byTier.data.groups ?? []);
  }

  headline(k) {
    const facts = [
      ["Members", number.format(k.members)],
      ["Active (30 days)", number.format(k.activeMembers30d)],
      ["Repeat purchase rate", percent.format(k.repeatPurchaseRate)],
      ["Net spend (minor)", number.format(k.netSpendMinor)],
      ["Points outstanding", number.format(k.points.outstanding)],
      ["Liability (minor)", number.format(k.liabilityMinor)],
      ["Redemption rate", percent.format(k.redemptionRate)],
      ["NPS", k.surveys.nps.responses ? String(k.surveys.nps.score) : "–"],
    ];
    $("kpi-facts").replaceChildren(...facts.map(([term, value]) => {
      const div = document.createElement("div");
      div.innerHTML = "<dt></dt><dd></dd>";
      div.firstChild.textContent = term;
      div.lastChild.textContent = value;
      return div;
    }));
  }

  draw(name, type, labels, datasets, summary, table, options = {}) {
    const canvas = $(`chart-${name}`);
    this.charts[name]?.destroy();
    canvas.setAttribute("aria-label", summary);
    this.charts[name] = new window.Chart(canvas, {
      type,
      data: { labels, datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } }, ...options },
    });
    $(`table-${name}`).replaceChildren(table);
  }

  drawDaily(days) {
    const labels = days.map((d) => d.date);
    const series = [["Purchases", (d) => d.purchases], ["New members", (d) => d.newMembers], ["Points issued", (d) => d.points.issued, "y1"]];
    const total = (read) => days.reduce((sum, d) => sum + read(d), 0);
    this.draw("daily", "line",
      labels,
      series.map(([label, read, axis], i) => ({ label, data: days.map(read), borderColor: colours[i], backgroundColor: colours[i], yAxisID: axis ?? "y", tension: 0.2 })),
      `Daily series from ${labels[0]} to ${labels.at(-1)}: ${series.map(([label, read]) => `${label.toLowerCase()} ${number.format(total(read))} in all`).join(", ")}.`,
      tableOf("Each day", ["Date", "Purchases", "New members", "Points issued", "Net spend (minor)"],
        days.map((d) => [d.date, d.purchases, d.newMembers, d.points.issued, d.netSpendMinor])),
      { scales: { y: { beginAtZero: true, title: { display: true, text: "count" } }, y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "points" } } } });
  }

  drawTiers(tiers) {
    const entries = Object.entries(tiers);
    this.draw("tiers", "doughnut",
      entries.map(([tier]) => tier),
      [{ label: "Members", data: entries.map(([, members]) => members), backgroundColor: entries.map((_, i) => colours[i % colours.length]) }],
      `Members per tier: ${entries.map(([tier, members]) => `${tier} ${number.format(members)}`).join(", ")}.`,
      tableOf("Members per tier", ["Tier", "Members"], entries));
  }

  drawNps(groups) {
    const answered = groups.filter((g) => g.surveys.nps.responses > 0);
    this.draw("nps", "bar",
      answered.map((g) => g.key),
      [{ label: "NPS", data: answered.map((g) => g.surveys.nps.score), backgroundColor: answered.map((g) => (g.surveys.nps.score < 0 ? colours[1] : colours[2])) }],
      answered.length ? `NPS per tier: ${answered.map((g) => `${g.key} ${g.surveys.nps.score} from ${g.surveys.nps.responses} answers`).join(", ")}.` : "No NPS answers yet.",
      tableOf("NPS per tier", ["Tier", "NPS", "Answers", "Promoters", "Detractors"],
        answered.map((g) => [g.key, g.surveys.nps.score, g.surveys.nps.responses, g.surveys.nps.promoters, g.surveys.nps.detractors])),
      { scales: { y: { min: -100, max: 100, title: { display: true, text: "NPS" } } }, plugins: { legend: { display: false } } });
  }
}
