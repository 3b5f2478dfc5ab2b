// Calls to the gateway as the signed-in browser: the session cookie goes by itself (same origin), never a key.
// Answers come back as { status, ok, data, etag }; a problem+json answer keeps its body in data.

export const signedOutEvent = "loyalty-signed-out";

export class ApiAnswer {
  constructor(status, data, etag) {
    this.status = status;
    this.ok = status >= 200 && status < 300;
    this.data = data;
    this.etag = etag;
  }

  /** The problem's field errors, keyed by the JSON path the server named, or an empty object. */
  get errors() {
    return (!this.ok && this.data && typeof this.data.errors === "object" && this.data.errors) || {};
  }

  /** One line saying what went wrong, for a status line. */
  get message() {
    if (this.ok) return "";
    if (this.data?.detail) return this.data.detail;
    if (this.data?.title) return this.data.title;
    return `The gateway answered ${this.status}.`;
  }
}

export async function call(path, { method = "GET", body, ifMatch } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return new ApiAnswer(0, { title: "The gateway cannot be reached." }, null);
  }
  // A session that ended (signed out elsewhere, expired, its key revoked) sends the page back to the sign-in form.
  if (response.status === 401 && path !== "/v1/session") window.dispatchEvent(new Event(signedOutEvent));
  const text = response.status === 204 ? "" : await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { title: text.slice(0, 200) }; }
  }
  return new ApiAnswer(response.status, data, response.headers.get("ETag"));
}

/** The program's routes: /v1/programs/{id} followed by the rest, each part escaped. */
export function programPath(programId, ...parts) {
  return ["/v1/programs", programId, ...parts].map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join("/");
}
