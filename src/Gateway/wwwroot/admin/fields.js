// Forms whose inputs are named by JSON path ("tiers[1].qualifyingSpendMinor"): read into a document, filled from
// one, and the server's field errors shown beside the input they name.

/** "tiers[1].name" → ["tiers", 1, "name"]. */
export function parsePath(path) {
  const parts = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return parts;
}

export function getPath(document, path) {
  return parsePath(path).reduce((node, part) => (node == null ? undefined : node[part]), document);
}

export function setPath(document, path, value) {
  const parts = parsePath(path);
  let node = document;
  parts.slice(0, -1).forEach((part, i) => {
    if (node[part] == null || typeof node[part] !== "object") node[part] = typeof parts[i + 1] === "number" ? [] : {};
    node = node[part];
  });
  const last = parts[parts.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node[last] = null;
    else delete node[last];
  } else {
    node[last] = value;
  }
}

/** An input's value as JSON: numbers as numbers, empty optional fields left out. */
function valueOf(input) {
  const raw = input.value.trim();
  if (raw === "" && input.dataset.optional !== undefined) return undefined;
  if (input.type === "number") return raw === "" ? null : Number(raw);
  if (input.type === "checkbox") return input.checked;
  return input.value;
}

/** Writes every named input of the form into the document; a copy is returned. */
export function readForm(form, document = {}) {
  const copy = structuredClone(document);
  for (const input of form.querySelectorAll("[name]")) {
    if (input.disabled || input.dataset.skip !== undefined) continue;
    setPath(copy, input.name, valueOf(input));
  }
  return copy;
}

/** Fills every named input of the form from the document. */
export function fillForm(form, document) {
  for (const input of form.querySelectorAll("[name]")) {
    const value = getPath(document, input.name);
    if (input.type === "checkbox") input.checked = Boolean(value);
    else input.value = value ?? "";
  }
}

/** Takes every error shown in the container away. */
export function clearErrors(container) {
  for (const note of container.querySelectorAll(".field-error")) note.remove();
  for (const input of container.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    const described = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && !id.startsWith("error-")).join(" ");
    if (described) input.setAttribute("aria-describedby", described);
    else input.removeAttribute("aria-describedby");
  }
}

let errorCount = 0;

/** The element an error of this path belongs beside: its input, else the nearest enclosing group the form names. */
function placeFor(container, path) {
  const parts = parsePath(path);
  for (let length = parts.length; length > 0; length--) {
    const prefix = parts.slice(0, length).reduce((text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part), "");
    const target = container.querySelector(`[name="${CSS.escape(prefix)}"], [data-field="${CSS.escape(prefix)}"]`);
    if (target) return { target, exact: length === parts.length };
  }
  return null;
}

/**
 * Shows each error beside the input its path names, marked invalid and described by its message. Errors naming
 * nothing the form shows go to the fallback element, path first. Answers how many errors were shown.
 */
export function showErrors(container, errors, fallback) {
  clearErrors(container);
  if (fallback) clearErrors(fallback);
  let shown = 0;
  let first = null;
  for (const [path, messages] of Object.entries(errors)) {
    const place = placeFor(container, path);
    const note = document.createElement("p");
    note.className = "field-error";
    note.id = `error-${++errorCount}`;
    const text = messages.join("; ");
    note.textContent = place?.exact ? text : `${path}: ${text}`;
    note.dataset.path = path;
    const target = place?.target ?? fallback;
    if (!target) continue;
    if (target.matches("input, select, textarea")) {
      target.setAttribute("aria-invalid", "true");
      target.setAttribute("aria-describedby", `${target.getAttribute("aria-describedby") ?? ""} ${note.id}`.trim());
      (target.closest("label") ?? target).after(note);
      first ??= target;
    } else {
      target.append(note);
    }
    shown++;
  }
  first?.focus();
  return shown;
}
