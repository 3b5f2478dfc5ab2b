// One member looked up: balances, tier and streak, the newest ledger entries, and a form crediting or debiting
// points by hand. Each adjustment carries an id made when the form is filled, so sending it twice (a retry after a
// lost answer) adjusts once; a new id is made only after one is applied.
import { call, programPath } from "./api.js";
import { showErrors, clearErrors } from "./fields.js";

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat();
const ledgerPage = 20;

export class MemberPanel {
  constructor() {
    this.status = $("member-status");
    this.adjustForm = $("adjust-form");
    $("member-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.show($("member-id").value.trim());
    });
    this.adjustForm.addEventListener("submit", (event) => { event.preventDefault(); this.adjust(); });
  }

  use(programId) {
    this.programId = programId;
  }

  async show(memberId) {
    clearErrors($("member-form"));
    if (!memberId) {
      showErrors($("member-form"), { memberId: ["is required"] });
      return;
    }
    const [member, ledger] = await Promise.all([
      call(programPath(this.programId, "members", memberId)),
      call(programPath(this.programId, "members", memberId, "ledger") + `?limit=${ledgerPage}`),
    ]);
    if (!member.ok) {
      $("member-view").hidden = true;
      if (member.status === 404) this.say(`No member ${memberId} in this program yet.`);
      else if (Object.keys(member.errors).length) showErrors($("member-form"), member.errors);
      else this.say(member.message, true);
      return;
    }
    this.memberId = memberId;
    this.adjustmentId = crypto.randomUUID();
    $("member-view").hidden = false;
    this.say(`Member ${memberId}.`);
    this.facts(member.data);
    this.ledger(ledger.ok ? ledger.data : { total: 0, entries: [] });
  }

  facts(m) {
    const facts = [
      ["Available", m.points.available, "available"],
      ["Pending", m.points.pending],
      ["Lifetime earned", m.points.lifetimeEarned],
      ["Redeemed", m.points.redeemed],
      ["Adjusted", m.points.adjusted, "adjusted"],
      ["Spend (minor)", m.lifetimeSpendMinor],
    ];
    $("member-facts").replaceChildren(...facts.map(([term, value, testId]) => {
      const div = document.createElement("div");
      div.innerHTML = "<dt></dt><dd></dd>";
      div.firstChild.textContent = term;
      div.lastChild.textContent = number.format(value);
      if (testId) div.lastChild.dataset.testid = testId;
      return div;
    }));
    const next = m.tier.next ? `, next ${m.tier.next} at ${number.format(m.tier.nextThresholdMinor)}` : "";
    $("member-tier").textContent = `Tier ${m.tier.current} (qualifying spend ${number.format(m.tier.qualifyingSpendMinor)}${next}); `
      + `streak ${m.streak.current} ${m.streak.unit}s, best ${m.streak.best}; badges: ${m.badges.map((b) => b.id).join(", ") || "none"}.`;
  }

  ledger(page) {
    $("ledger-caption").textContent = `Ledger: the newest ${page.entries.length} of ${number.format(page.total)} entries`;
    const rows = page.entries.map((entry) => {
      const tr = document.createElement("tr");
      const values = [new Date(entry.occurredAt).toLocaleString(), entry.kind, entry.balance, number.format(entry.points), entry.reason];
      values.forEach((value, i) => {
        const td = document.createElement("td");
        td.textContent = value;
        if (i === 3) td.className = "num";
        tr.append(td);
      });
      return tr;
    });
    $("ledger-rows").replaceChildren(...rows);
  }

  async adjust() {
    clearErrors(this.adjustForm);
    const pointsText = this.adjustForm.elements.namedItem("points").value.trim();
    const body = {
      adjustmentId: this.adjustmentId,
      points: pointsText === "" ? null : Number(pointsText),
      reason: this.adjustForm.elements.namedItem("reason").value,
    };
    const answer = await call(programPath(this.programId, "members", this.memberId, "adjustments"), { method: "POST", body });
    if (!answer.ok) {
      const count = showErrors(this.adjustForm, answer.errors, this.adjustForm);
      this.sayAdjust(count ? "Not applied: see the fields marked." : answer.message, true);
      return;
    }
    this.sayAdjust(`${answer.data.points > 0 ? "Credited" : "Debited"} ${number.format(Math.abs(answer.data.points))} points.`);
    this.adjustForm.reset();
    await this.show(this.memberId);
  }

  say(text, problem = false) {
    this.status.textContent = text;
    this.status.classList.toggle("problem", problem);
  }

  sayAdjust(text, problem = false) {
    $("adjust-status").textContent = text;
    $("adjust-status").classList.toggle("problem", problem);
  }
}
