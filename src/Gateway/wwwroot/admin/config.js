// The program's configuration: the main fields and the tiers as a form, the whole document as JSON beside it, kept
// in step. Saving sends the document with If-Match on the version it was read at; every error the gateway names
// is shown beside its field, or beside the JSON editor when the form has no field for it.
import { call, programPath } from "./api.js";
import { fillForm, readForm, showErrors, clearErrors } from "./fields.js";

const $ = (id) => document.getElementById(id);

export class ConfigEditor {
  constructor(onLoaded) {
    this.form = $("config-form");
    this.json = $("config-json");
    this.jsonErrors = $("config-json-errors");
    this.status = $("config-status");
    this.tierRows = $("tier-rows");
    this.onLoaded = onLoaded;
    this.document = {};
    this.etag = null;
    this.form.addEventListener("input", (event) => { if (event.target !== this.json) this.formChanged(); });
    this.json.addEventListener("change", () => this.jsonChanged());
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.save(); });
    $("config-reload").addEventListener("click", () => this.load(this.programId));
    $("add-tier").addEventListener("click", () => this.editTiers((tiers) => tiers.push({ name: "", qualifyingSpendMinor: 0 }), -1));
  }

  async load(programId) {
    this.programId = programId;
    clearErrors(this.form);
    this.say("Loading…");
    const answer = await call(programPath(programId));
    if (!answer.ok) {
      this.say(answer.status === 404 ? `Program ${programId} is not configured.` : answer.message, true);
      return;
    }
    this.show(answer.data, answer.etag);
    this.say(`Version ${this.version()} loaded.`);
    this.onLoaded?.(answer.data);
  }

  version() { return (this.etag ?? "").replaceAll('"', ""); }

  show(document, etag) {
    this.document = document;
    this.etag = etag;
    this.renderTiers(document.tiers ?? []);
    fillForm(this.form, document);
    this.json.value = JSON.stringify(document, null, 2);
    this.json.removeAttribute("aria-invalid");
  }

  renderTiers(tiers) {
    this.tierRows.replaceChildren(...tiers.map((_, i) => this.tierRow(i)));
  }

  tierRow(i) {
    const row = document.createElement("div");
    row.className = "row";
    row.innerHTML = `
      <label>Tier ${i + 1} name <input name="tiers[${i}].name" autocomplete="off" spellcheck="false" required></label>
      <label>Qualifying spend (minor units) <input name="tiers[${i}].qualifyingSpendMinor" type="number" step="1" min="0" inputmode="numeric"></label>
      <button type="button" class="secondary">Remove tier ${i + 1}</button>`;
    row.querySelector("button").addEventListener("click", () => this.editTiers((tiers) => tiers.splice(i, 1), Math.max(0, i - 1)));
    return row;
  }

  /** Changes the tier list through the document, then shows it again and focuses a tier's name. */
  editTiers(change, focusIndex) {
    const document = readForm(this.form, this.document);
    document.tiers = Array.isArray(document.tiers) ? document.tiers : [];
    change(document.tiers);
    this.show(document, this.etag);
    const index = focusIndex < 0 ? document.tiers.length - 1 : focusIndex;
    this.form.querySelector(`[name="tiers[${index}].name"]`)?.focus();
  }

  formChanged() {
    this.document = readForm(this.form, this.document);
    this.json.value = JSON.stringify(this.document, null, 2);
  }

  jsonChanged() {
    const parsed = this.parseJson();
    if (parsed) this.show(parsed, this.etag);
  }

  parseJson() {
    clearErrors(this.jsonErrors);
    try {
      const parsed = JSON.parse(this.json.value);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed;
      throw new Error("the document must be a JSON object");
    } catch (error) {
      showErrors(this.jsonErrors, { document: [`is not a JSON object: ${error.message}`] }, this.jsonErrors);
      this.json.setAttribute("aria-invalid", "true");
      this.json.focus();
      return null;
    }
  }

  async save() {
    const base = this.parseJson();
    if (!base) {
      this.say("The JSON document does not parse; nothing was saved.", true);
      return;
    }
    const document = readForm(this.form, base);
    this.say("Saving…");
    const answer = await call(programPath(this.programId), { method: "PUT", body: document, ifMatch: this.etag });
    if (answer.ok) {
      clearErrors(this.form);
      this.show(answer.data, answer.etag);
      this.say(`Saved: version ${this.version()}.`);
      this.onLoaded?.(answer.data);
      return;
    }
    if (answer.status === 412) {
      this.say("The configuration was changed elsewhere since it was loaded; reload it, then make the change again.", true);
      return;
    }
    const count = showErrors(this.form, answer.errors, this.jsonErrors);
    this.say(count ? `${count} ${count === 1 ? "field is" : "fields are"} not valid; nothing was saved.` : answer.message, true);
  }

  say(text, problem = false) {
    this.status.textContent = text;
    this.status.classList.toggle("problem", problem);
  }
}
