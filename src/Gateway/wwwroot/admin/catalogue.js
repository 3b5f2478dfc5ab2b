// Rewards and challenges: each listed in a table with an Edit button that fills the form below it; saving PUTs the
// definition under its id, and every error is shown beside the field it names.
import { call, programPath } from "./api.js";
import { fillForm, readForm, showErrors, clearErrors } from "./fields.js";

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat();

/** Drops empty objects the form leaves where every optional field of a group was blank. */
function prune(document) {
  for (const [key, value] of Object.entries(document)) {
    if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(prune(value)).length === 0) delete document[key];
  }
  return document;
}

function cell(text, numeric = false) {
  const td = document.createElement("td");
  td.textContent = text;
  if (numeric) td.className = "num";
  return td;
}

/** One kind of catalogue item: where it is listed, how a row reads, and what its form sends. */
class CatalogueSection {
  constructor({ kind, list, columns, idField, fromItem, versionOf }) {
    Object.assign(this, { kind, list, columns, idField, fromItem, versionOf });
    this.form = $(`${kind}-form`);
    this.rows = $(`${kind}-rows`);
    this.status = $(`${kind}-status`);
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.save(); });
    $(`${kind}-new`).addEventListener("click", () => this.edit(null));
  }

  async load(programId) {
    this.programId = programId;
    const answer = await call(programPath(programId, this.list.path) + this.list.query);
    if (!answer.ok) {
      this.say(answer.message, true);
      return;
    }
    const items = this.list.items(answer.data);
    this.rows.replaceChildren(...items.map((item) => this.row(item)));
    if (items.length === 0) {
      const empty = document.createElement("tr");
      empty.append(cell(`No ${this.kind}s yet.`));
      empty.firstChild.colSpan = this.columns.length + 1;
      this.rows.append(empty);
    }
  }

  row(item) {
    const tr = document.createElement("tr");
    tr.append(...this.columns.map(([read, numeric]) => cell(read(item), numeric)));
    const actions = document.createElement("td");
    const edit = document.createElement("button");
    edit.type = "button";
    edit.className = "secondary";
    edit.textContent = `Edit ${item[this.idField]}`;
    edit.addEventListener("click", () => this.edit(item));
    actions.append(edit);
    tr.append(actions);
    return tr;
  }

  edit(item) {
    clearErrors(this.form);
    this.form.reset();
    this.version = item ? this.versionOf?.(item) : null;
    if (item) fillForm(this.form, { id: item[this.idField], ...this.fromItem(item) });
    this.say(item ? `Editing ${item[this.idField]}.` : `A new ${this.kind}.`);
    this.form.querySelector("[name=id]").focus();
  }

  async save() {
    const id = this.form.elements.namedItem("id").value.trim();
    const body = prune(readForm(this.form));
    delete body.id;
    if (!id) {
      showErrors(this.form, { id: ["is required"] });
      return;
    }
    const answer = await call(programPath(this.programId, this.list.path, id), { method: "PUT", body, ifMatch: this.version ? `"${this.version}"` : undefined });
    if (answer.ok) {
      clearErrors(this.form);
      this.say(`Saved ${this.kind} ${id}.`);
      this.version = this.versionOf?.(answer.data) ?? null;
      await this.load(this.programId);
      return;
    }
    const count = showErrors(this.form, answer.errors, this.form);
    this.say(count ? `Not saved: ${count} ${count === 1 ? "field is" : "fields are"} not valid.` : answer.message, true);
  }

  say(text, problem = false) {
    this.status.textContent = text;
    this.status.classList.toggle("problem", problem);
  }
}

export function rewardSection() {
  return new CatalogueSection({
    kind: "reward",
    list: { path: "rewards", query: "?limit=100", items: (data) => data.items ?? [] },
    idField: "rewardId",
    columns: [[(r) => r.rewardId], [(r) => r.name], [(r) => number.format(r.costPoints), true], [(r) => `${number.format(r.remaining)} of ${number.format(r.stock)}`, true]],
    fromItem: ({ name, costPoints, stock, perMemberLimit, validFrom, validTo }) => ({ name, costPoints, stock, perMemberLimit, validFrom, validTo }),
    versionOf: (reward) => reward.version,
  });
}

export function challengeSection() {
  return new CatalogueSection({
    kind: "challenge",
    list: { path: "challenges", query: "", items: (data) => data.challenges ?? [] },
    idField: "challengeId",
    columns: [[(c) => c.challengeId], [(c) => c.name], [(c) => `${c.start} – ${c.end}`], [(c) => `${c.goal.kind} ${number.format(c.goal.target)}`]],
    fromItem: ({ name, start, end, goal, filters, reward, maxWinners }) => ({ name, start, end, goal, filters, reward, maxWinners }),
  });
}
