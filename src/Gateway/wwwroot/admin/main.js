// The admin page: signed out it shows the sign-in form; signed in, the program's configuration, rewards and
// challenges, KPIs and member look-up, each in a section of its own.
import { whoAmI, programOf, chooseProgram, wireSignIn, signOut } from "./session.js";
import { ConfigEditor } from "./config.js";
import { rewardSection, challengeSection } from "./catalogue.js";
import { KpiPanel } from "./kpis.js";
import { MemberPanel } from "./member.js";
import { signedOutEvent } from "./api.js";

const $ = (id) => document.getElementById(id);

const kpis = new KpiPanel();
const members = new MemberPanel();
const rewards = rewardSection();
const challenges = challengeSection();
const config = new ConfigEditor((document) => {
  kpis.use(config.programId, document.timeZone);
  kpis.load();
});

async function open(session) {
  const programId = programOf(session);
  $("signed-out").hidden = true;
  $("signed-in").hidden = false;
  $("who").textContent = `Signed in as ${session.role}${session.programId ? ` of ${session.programId}` : ""}, until ${new Date(session.expiresAt).toLocaleTimeString()}.`;
  $("program-switch").hidden = session.role !== "operator";
  $("switch-program").value = programId ?? "";
  members.use(programId);
  $("program-name").textContent = programId;
  await Promise.all([config.load(programId), rewards.load(programId), challenges.load(programId)]);
  if (!$("signed-in").contains(document.activeElement)) $("configuration-title").focus(); // the sign-in form it was on is gone
}

function close() {
  $("signed-in").hidden = true;
  $("signed-out").hidden = false;
  $("sign-in-key").focus();
}

wireSignIn($("sign-in-form"), open);
window.addEventListener(signedOutEvent, () => {
  close();
  $("who").textContent = "The session ended: sign in again.";
});

$("sign-out").addEventListener("click", async () => {
  await signOut();
  close();
});

$("program-switch").addEventListener("submit", async (event) => {
  event.preventDefault();
  const programId = $("switch-program").value.trim();
  if (!programId) return;
  chooseProgram(programId);
  const session = await whoAmI();
  if (session) await open(session);
  else close();
});

const session = await whoAmI();
if (session && programOf(session)) await open(session);
else close();
