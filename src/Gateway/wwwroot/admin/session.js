// Sign-in: the key is posted once to /v1/session and forgotten; the HttpOnly session cookie it becomes is what
// every later request carries. Only the program id (no secret) is kept, in this tab's sessionStorage, for the
// operator, whose key names no program.
import { call } from "./api.js";
import { showErrors, clearErrors } from "./fields.js";

const programKey = "loyalty-admin-program";

/** Who the browser is signed in as, { role, programId, expiresAt }, or null. */
export async function whoAmI() {
  const answer = await call("/v1/session");
  return answer.ok ? answer.data : null;
}

/** The program the page works on: the admin key's own, or the one the operator chose. */
export function programOf(session) {
  return session?.programId ?? sessionStorage.getItem(programKey);
}

export function chooseProgram(programId) {
  sessionStorage.setItem(programKey, programId);
}

/**
 * Wires the sign-in form: on success calls onSignedIn(session); refusals are shown beside the key or program
 * field. The key field is emptied whatever the answer, so the key stays nowhere in the page.
 */
export function wireSignIn(form, onSignedIn) {
  const keyInput = form.elements.namedItem("key");
  const programInput = form.elements.namedItem("program");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const key = keyInput.value;
    const program = programInput.value.trim();
    const answer = await call("/v1/session", { method: "POST", body: { key } });
    keyInput.value = "";
    if (!answer.ok) {
      const errors = Object.keys(answer.errors).length ? answer.errors : { key: [answer.message] };
      showErrors(form, errors, form);
      return;
    }
    const session = answer.data;
    if (session.role === "operator") {
      if (!program) {
        showErrors(form, { program: ["is required with the operator key: the program to manage"] });
        await call("/v1/session", { method: "DELETE" });
        return;
      }
      chooseProgram(program);
    } else {
      chooseProgram(session.programId);
    }
    onSignedIn(session);
  });
}

export async function signOut() {
  sessionStorage.removeItem(programKey);
  await call("/v1/session", { method: "DELETE" });
}
