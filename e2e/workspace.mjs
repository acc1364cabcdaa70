// The caseworker's workspace in Debian's chromium, with JavaScript OFF (the pages must work
// without it), as a responder works it (issue 18, "What it must show"): in English and in Khmer,
// at 360 and at 1280 pixels, each of the four runs doing, through the pages as a person would:
//   2. three reports filed beforehand through the reporter's form (critical, high and normal; one
//      by the person, one by their family, one consenting to partner NGOs);
//   1. the responder logs in with password and TOTP through the login form (then is admitted to
//      the desk, see below);
//   3. the queue list filtered (by class; then unclaimed and new; then by status to nothing; then
//      claimed by me), each list checked against what was filed, with each summary's place and
//      country name in the page's language;
//   4. a case opened and claimed: the message said, "Claim" no longer offered;
//   5. a reply to the reporter: the message, the reply in the timeline;
//   6. an internal note: in the timeline, set apart (marked, and styled apart from the reply);
//   7. a referral to a partner NGO's queue: the message, the timeline, and the report in the
//      partner's queue;
//   8. a hotline filing on a caller's behalf: the receipt code shown once, the report in the queue
//      and its case file marked as filed by hotline staff;
//   9. at 360 px, no page visited scrolls sideways.
// Every page visited must be in the run's language (<html lang>), and the texts checked are read
// from the catalogs (src/locale/*.ftl, src/locale/staff/*.ftl), so the Khmer runs prove Khmer
// pages. A screenshot after every step: e2e/artifacts/workspace/<lang>-<width>-<nn>-<page>.png.
//
// The demo desk cannot refer anywhere (it is the only queue), so the run sets up a deployment as
// config/queues.toml and the README describe one, on a fresh SQLite database:
// - offline (the command line): `homeward org keygen` for the desk organisation (desk-ngo, KH)
//   and a partner NGO (partner-ngo, TH); `homeward queue keygen` for the desk ("desk") and the
//   partner's queue ("partner-th", serving reports from Thailand, so that intake never routes a
//   Cambodian report there and a referral is the only way in); a routing file naming both and the
//   desk organisation's verifying key (`routing_file`), checked with `homeward check-config`;
// - the operator (`homeward admin bootstrap`) registers and vets both organisations on the
//   Organisations pages, pastes the desk organisation's countersignature of the partner (made
//   with the command the page prints), and invites each organisation's first coordinator;
// - each coordinator pastes the certificate `homeward org certify` makes (the command their
//   workspace prints) and imports their queue's private key;
// - the desk coordinator invites a responder for each run (a TOTP code is accepted once: one
//   account per run, so that no login waits for the next code).
// Each run's step 1 is then that responder's first login: an English browser for the English runs,
// a Khmer one for the Khmer runs (so the login page, before the account is known, is Khmer); the
// responder reads out the fingerprint their workspace shows, the coordinator certifies them by it,
// gives them the desk and lets them file for callers, and the Khmer responder sets Khmer as the
// account's language (/settings).
//
// Usage: node e2e/workspace.mjs path/to/homeward   (exit status 1 on any failure)

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./browser.mjs";
import { current, flowPage, go, homeward, html, submit, text, totp, totpStep } from "./lib.mjs";

const binary = process.argv[2] ?? "target/debug/homeward";
const artifacts = new URL("./artifacts/workspace/", import.meta.url).pathname;
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const PASSWORD = "violet river under nine lanterns";
const LANGUAGES = ["en", "km"];
const WIDTHS = [360, 1280];
const DESK = { org: "desk-ngo", name: "Desk NGO", country: "KH", queue: "desk", kind: "desk" };
const PARTNER = { org: "partner-ngo", name: "Partner NGO", country: "TH", queue: "partner-th", kind: "ngo" };

const hw = homeward({
  binary,
  port: 18097,
  name: "workspace",
  settings: {
    HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE: "1000",
    // One browser on loopback logs in every account of the run: not a guessing attack.
    HOMEWARD_SESSIONS__LOGIN_ATTEMPTS_PER_MINUTE: "1000",
    HOMEWARD_SESSIONS__GLOBAL_LOGIN_ATTEMPTS_PER_MINUTE: "1000",
  },
});

// ---- the catalogs: what the pages must say

/// A language's messages, the reporter's catalog under the staff one (as the server layers them).
/// Only plain messages are read: a key whose value is a selector is not checked here.
function catalog(lang) {
  const messages = new Map();
  const root = new URL("../src/locale/", import.meta.url).pathname;
  for (const file of [join(root, `${lang}.ftl`), join(root, "staff", `${lang}.ftl`)]) {
    let key = null;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const m = line.match(/^([a-zA-Z][\w-]*) = ?(.*)$/);
      if (m) {
        key = m[1];
        messages.set(key, m[2]);
      } else if (key && /^\s+\S/.test(line) && !line.trim().startsWith("[") && !line.trim().startsWith("*")) {
        messages.set(key, `${messages.get(key)}${messages.get(key) ? "\n" : ""}${line.trim()}`);
      } else {
        key = null;
      }
    }
  }
  return messages;
}
const catalogs = {};

/// The message `key` in `lang`, its placeables filled from `args`.
function say(lang, key, args = {}) {
  catalogs[lang] ??= catalog(lang);
  const value = catalogs[lang].get(key);
  if (value === undefined) throw new Error(`no message ${key} in ${lang}`);
  return value.replace(/\{ *\$(\w+) *\}/g, (_, name) => args[name] ?? `{$${name}}`).trim();
}

/// The message `key` in `lang` as a pattern: what its placeables hold is not checked.
function saying(lang, key) {
  const value = say(lang, key);
  const pieces = value.split(/\{\$\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${pieces.join(".+?")}$`, "s");
}

const norm = (s) => (s ?? "").replace(/\s+/g, " ").trim();

// ---- failures: each names its step, language and width

const problems = [];
function fail(where, message) {
  problems.push(`${where}: ${message}`);
  console.error(`FAIL ${where}: ${message}`);
}

class Run {
  constructor(lang, width) {
    this.lang = lang;
    this.width = width;
    this.tag = `${lang}${width}`;
    this.step = "";
    this.shots = 0;
    this.pages = 0;
  }

  at(step) {
    this.step = step;
  }

  where() {
    return `step ${this.step}, ${this.lang} @${this.width}`;
  }

  check(ok, message) {
    if (!ok) fail(this.where(), message);
    return ok;
  }

  equal(got, want, what) {
    return this.check(norm(got) === norm(want), `${what}: got "${norm(got)}", want "${norm(want)}"`);
  }

  /// After every navigation: the answer, the page's language, no sideways scroll at 360 px,
  /// and a screenshot.
  async seen(page, name, status = 200) {
    this.pages += 1;
    const doc = page.last;
    this.check(doc?.status() === status, `${name}: answered ${doc?.status()}, not ${status}`);
    const lang = await page.getAttribute("html", "lang");
    this.check(lang === this.lang, `${name}: the page is in "${lang}", not "${this.lang}"`);
    if (this.width === 360) {
      const scroll = await page.evaluate(() => document.scrollingElement.scrollWidth);
      this.check(scroll <= 360, `${name}: scrolls sideways (${scroll} px wide)`);
    }
    await this.shot(page, name);
  }

  async shot(page, name) {
    this.shots += 1;
    const n = String(this.shots).padStart(2, "0");
    await page.screenshot({ path: join(artifacts, `${this.tag}-${n}-${name}.png`), fullPage: true });
  }
}

const textOf = async (page, selector) => ((await page.$(selector)) ? norm(await page.textContent(selector)) : null);

// ---- setup: a deployment with a desk and a partner NGO, as config/queues.toml describes one

/// Splits a command line as a POSIX shell would (the pages print commands shell-quoted).
function shellWords(line) {
  const words = [];
  let word = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (c === "\\") {
      word = (word ?? "") + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/// Runs a command a page printed (`homeward …`), each placeholder replaced by its value (a key
/// file, the fingerprint an organisation read out).
function runPrinted(command, replacements, extra = []) {
  const words = shellWords(command);
  if (words[0] !== "homeward" || !Object.keys(replacements).every((p) => words.includes(p))) throw new Error(`unexpected command: ${command}`);
  return hw.cli(...words.slice(1).map((w) => replacements[w] ?? w), ...extra).trim();
}

function offlineKeys(folder) {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const org of [DESK, PARTNER]) {
    org.signingFile = join(folder, `${org.org}.key`);
    const out = hw.cli("org", "keygen", "--out", org.signingFile);
    org.verifying = out.match(/^verifying key[^:]*: (\S+)$/m)?.[1];
    org.fingerprint = out.match(/^fingerprint[^:]*: (\S+)$/m)?.[1];
    const queueFile = join(folder, `${org.queue}.queue.key`);
    const queue = hw.cli("queue", "keygen", "--id", org.queue, "--kind", org.kind, "--signing-key", org.signingFile, "--out", queueFile);
    org.publicKey = queue.match(/^public_key = "(\S+)"$/m)?.[1];
    org.signature = queue.match(/^signature = "(\S+)"$/m)?.[1];
    org.privateKey = readFileSync(queueFile, "utf8").match(/^hwsk1\.\S+$/m)?.[0];
    if (!org.verifying || !org.fingerprint || !org.publicKey || !org.signature || !org.privateKey) throw new Error(`keygen for ${org.org}: ${out}${queue}`);
  }
  const routing = join(folder, "queues.toml");
  const queue = (o, extra = "") =>
    `[[queue]]\nid = "${o.queue}"\norganisation = "${o.org}"\nkind = "${o.kind}"\npublic_key = "${o.publicKey}"\nsignature = "${o.signature}"\n${extra}`;
  writeFileSync(routing, `desk_signing_key = "${DESK.verifying}"\n\n${queue(DESK)}\n${queue(PARTNER, 'countries = ["TH"]\n')}`);
  return routing;
}

let setupShots = 0;
async function setupShot(page, name) {
  setupShots += 1;
  await page.screenshot({ path: join(artifacts, `setup-${String(setupShots).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/// Follows an invite: username and password chosen, the TOTP secret read off the page.
async function enrol(browser, link, username, locale = "en") {
  const page = await flowPage(browser, hw.base, { locale, width: 1280 });
  await go(page, new URL(link).pathname);
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  const enrolled = await submit(page, 'form button[type="submit"]');
  const [secret] = text(html(enrolled), "code");
  if (!secret) throw new Error(`${username}: no TOTP secret on the enrolment page`);
  return { page, secret, username, lastStep: 0 };
}

let waited = 0;

/// Logs in through the form; a code already used by this account waits for the next one.
async function login(account) {
  const { page } = account;
  if (totpStep() <= account.lastStep) {
    const ms = (account.lastStep + 1) * 30000 - Date.now() + 250;
    waited += ms;
    await new Promise((r) => setTimeout(r, ms));
  }
  const step = totpStep();
  await page.fill("#username", account.username);
  await page.fill("#password", PASSWORD);
  await page.fill("#code", totp(account.secret, step));
  const doc = await submit(page, 'form[action="/login"] button[type="submit"]');
  account.lastStep = step;
  return doc;
}

async function loggedIn(account) {
  await go(account.page, "/login");
  const doc = await login(account);
  if (!new URL(doc.url).pathname.startsWith("/workspace")) throw new Error(`${account.username}: login failed (${doc.url})`);
  return doc;
}

async function invite(page, organisation, role) {
  await go(page, "/workspace");
  await page.selectOption("#organisation", organisation);
  await page.selectOption("#role", role);
  const made = await submit(page, 'form[action="/invites"] button');
  const link = text(html(made), "cmd").find((t) => t.includes("/invite/"));
  if (!link) throw new Error(`no invite link for a ${role} of ${organisation}`);
  return link;
}

/// The workspace's message after an action, which must be `key`'s (English, setup's language).
async function expectMessage(page, key, what) {
  const said = await textOf(page, 'p.warn[role="alert"]');
  if (said !== say("en", key)) throw new Error(`${what}: the workspace said "${said}"`);
}

async function register(op, org) {
  await go(op, "/organisations");
  await op.fill("#id", org.org);
  await op.selectOption("#kind", "ngo");
  await op.fill("#name", org.name);
  await op.fill("#country", org.country);
  await op.fill("#contact", `desk@${org.org}.example`);
  await op.fill("#signing_key", org.verifying);
  await submit(op, 'form[action="/organisations"] button[type="submit"]');
  await go(op, `/organisations/${org.org}`);
  await op.fill("#evidence", "Met the director in person; registration checked with the ministry.");
  await submit(op, 'form[action$="/vetting"] button');
  if (org !== DESK) {
    // The desk organisation runs the command the page prints, offline, with its signing key.
    const command = await textOf(op, "p.cmd");
    await op.fill("#countersignature", runPrinted(command, { "DESK-SIGNING-KEY-FILE": DESK.signingFile, "FINGERPRINT-READ-TO-YOU": org.fingerprint }));
    await submit(op, 'form[action$="/countersignature"] button');
  }
}

/// An organisation's first coordinator: enrolled, certified with the organisation's offline key
/// (the command the workspace prints), the queue's private key imported.
async function firstCoordinator(browser, op, org) {
  const coordinator = await enrol(browser, await invite(op, org.org, "coordinator"), `coord.${org.org}`);
  const page = coordinator.page;
  await loggedIn(coordinator);
  const command = await textOf(page, "div.warn p.cmd");
  // The coordinator reads the fingerprint their own workspace shows to whoever holds the key.
  const codes = await page.$$eval("main p code", (cs) => cs.map((c) => c.textContent.trim()));
  const fingerprint = codes.find((t) => /^[0-9a-f]{4}(-[0-9a-f]{4}){4}$/.test(t));
  if (!fingerprint) throw new Error(`coord.${org.org}: no fingerprint in the workspace`);
  await page.fill("#certificate", runPrinted(command ?? "", { "ORGANISATION.key": org.signingFile }, ["--fingerprint", fingerprint]));
  await submit(page, 'form[action="/workspace/certificate"] button');
  await expectMessage(page, "staff-certified-self", `coord.${org.org}: certificate`);
  await page.fill(`#key-${org.queue}`, org.privateKey);
  await submit(page, `form[action="/queues/${org.queue}/key"] button`);
  await setupShot(page, `${org.org}-coordinator`);
  return coordinator;
}

async function deploy(browser) {
  hw.env.HOMEWARD_ROUTING_FILE = offlineKeys(join(hw.data, "offline"));
  hw.cli("check-config");
  const server = await hw.start();

  const link = hw.cli("admin", "bootstrap").match(/https?:\/\/\S+\/invite\/\S+/)?.[0];
  if (!link) throw new Error("admin bootstrap printed no invite");
  const operator = await enrol(browser, link, "op.desk");
  const op = operator.page;
  await loggedIn(operator);
  for (const org of [DESK, PARTNER]) await register(op, org);

  const desk = await firstCoordinator(browser, op, DESK);

  // A responder for each run, enrolled now; each logs in first in its run, reads out their
  // fingerprint, and is then certified and given the desk (a TOTP code is accepted once: a
  // second login of one account would wait for the next code).
  const co = desk.page;
  const responders = {};
  for (const width of WIDTHS) {
    for (const lang of LANGUAGES) {
      responders[`${lang}${width}`] = await enrol(browser, await invite(co, DESK.org, "responder"), `resp.${lang}${width}`, lang);
    }
  }
  for (const account of Object.values(responders)) await account.page.context().close();
  const partner = await firstCoordinator(browser, op, PARTNER);
  await go(op, "/organisations");
  await setupShot(op, "organisations");
  const standing = await op.$$eval("fieldset li", (lis) => lis.map((li) => li.textContent.trim()));
  for (const org of [DESK, PARTNER]) {
    const line = `${org.queue} (${org.kind}): ${say("en", "hold-none")}`;
    if (!standing.includes(line)) throw new Error(`the operator's page does not say "${line}" (${standing.join(" | ")})`);
  }
  await op.context().close();
  return { server, responders, desk, partner };
}

/// The desk coordinator certifies a member by the fingerprint they read out, gives them the desk
/// and lets them file for callers.
async function admit(co, account) {
  await go(co, "/workspace");
  const member = `main li:has-text("${account.username} (")`;
  await co.fill(`${member} input[name="fingerprint"]`, account.fingerprint);
  await submit(co, `${member} form[action$="/certify"] button`);
  await expectMessage(co, "staff-member-certified-done", `${account.username}: certification`);
  await co.selectOption(`#grant-${DESK.queue}`, { label: account.username });
  await submit(co, `form[action="/queues/${DESK.queue}/members"] button`);
  await submit(co, `${member} form[action$="/hotline"] button`);
  await expectMessage(co, "staff-hotline-granted", `${account.username}: hotline`);
}

// ---- what the queue holds, as filed: the lists are checked against it

const filedReports = [];

function placeOf(lang, r) {
  return `${r.compound} · ${say(lang, `country-${r.country}`)}`;
}

/// The entries the queue list shows.
function listed(page) {
  return page.$$eval("ol.entries > li", (lis) =>
    lis.map((li) => ({
      priority: [...li.classList].find((c) => c.startsWith("p-"))?.slice(2),
      label: li.querySelector(".prio")?.textContent.trim(),
      place: li.querySelector(".what a")?.textContent.trim(),
      href: li.querySelector(".what a")?.getAttribute("href"),
      lines: [...li.querySelectorAll("p")].map((p) => p.textContent.replace(/\s+/g, " ").trim()),
      meta: li.querySelector(".meta")?.textContent.replace(/\s+/g, " ").trim(),
    })),
  );
}

/// The list shows exactly `want` (filed reports), each with its place and class in `lang`.
async function expectList(run, page, want, what) {
  const entries = await listed(page);
  const shown = entries.map((e) => e.place).sort();
  const expected = want.map((r) => placeOf(run.lang, r)).sort();
  run.check(JSON.stringify(shown) === JSON.stringify(expected), `${what}: lists [${shown.join(" | ")}], want [${expected.join(" | ")}]`);
  for (const r of want) {
    const e = entries.find((x) => x.place === placeOf(run.lang, r));
    if (!e) continue;
    run.check(e.priority === r.priority, `${what}: ${r.compound} listed ${e.priority}, filed ${r.priority}`);
    run.equal(e.label, say(run.lang, `staff-priority-${r.priority}`), `${what}: ${r.compound}'s class`);
  }
  if (!want.length) {
    const said = await page.$$eval("main > p", (ps) => ps.map((p) => p.textContent.trim()));
    run.check(said.includes(say(run.lang, "staff-filter-none")), `${what}: the empty list does not say "${say(run.lang, "staff-filter-none")}"`);
  }
  return entries;
}

async function filter(run, page, choices, name) {
  await page.selectOption("#f-status", choices.status ?? "");
  await page.selectOption("#f-priority", choices.priority ?? "");
  await page.selectOption("#f-claim", choices.claim ?? "");
  await submit(page, "form.filters button[type=submit]");
  await run.seen(page, name);
}

// ---- one run: the steps, in one language at one width

const REPORTS = [
  { key: "A", as: "self", country: "KH", indicators: ["medical_emergency", "documents_taken"], priority: "critical", partners: true },
  { key: "B", as: "other", country: "MM", indicators: ["violence"], priority: "high" },
  { key: "C", as: "self", country: "TH", indicators: ["documents_taken"], priority: "normal" },
];
const WORDS = {
  en: { compound: "Golden Fortune Park", narrative: "They took my passport and my phone.", reply: "We have your report and will write again soon.", note: "Called the partner; no answer yet.", reason: "The family lives in Bangkok." },
  km: { compound: "សួនសំណាងមាស", narrative: "ពួកគេបានយកលិខិតឆ្លងដែន និងទូរស័ព្ទរបស់ខ្ញុំ។", reply: "យើងបានទទួលរបាយការណ៍របស់អ្នក ហើយនឹងសរសេរម្តងទៀតឆាប់ៗ។", note: "បានហៅដៃគូ មិនទាន់មានចម្លើយ។", reason: "គ្រួសាររស់នៅបាងកក។" },
};

async function fileReports(browser, run) {
  run.at("2 (reports)");
  const page = await flowPage(browser, hw.base, { locale: run.lang, width: run.width });
  const words = WORDS[run.lang];
  for (const spec of REPORTS) {
    const r = { ...spec, compound: `${words.compound} ${run.tag}-${spec.key}`, claimant: null, run: run.tag };
    await go(page, `/report?as=${r.as}&lang=${run.lang}`);
    await run.seen(page, `form-${r.key}`);
    if (r.as === "other") await page.selectOption('select[name="reporter.relation"]', "family");
    await page.selectOption('select[name="location.country"]', r.country);
    await page.fill('input[name="location.compound"]', r.compound);
    for (const i of r.indicators) await page.check(`input[name="indicators"][value="${i}"]`);
    await page.fill('textarea[name="narrative"]', words.narrative);
    if (r.partners) await page.check('input[name="consent.partner_ngos"]');
    await submit(page, 'form[action="/report"] button[type="submit"] >> nth=0');
    await run.seen(page, `receipt-${r.key}`);
    const [code] = text(html(await current(page)), "code");
    if (run.check(/^\d{4}( \d{4}){4}$/.test(code ?? ""), `report ${r.key}: no receipt code`)) filedReports.push(r);
  }
  await page.context().close();
}

async function runSteps(browser, run, { account, coordinator, partner }) {
  const { lang } = run;
  const words = WORDS[lang];
  const mine = filedReports.filter((r) => r.run === run.tag);
  const a = mine.find((r) => r.key === "A");
  if (!a) throw new Error("report A was not filed");

  run.at("1 (login)");
  const page = await flowPage(browser, hw.base, { locale: lang, width: run.width });
  account.page = page;
  await go(page, "/login");
  await run.seen(page, "login");
  run.equal(await textOf(page, "h1"), say(lang, "staff-login-heading"), "login heading");
  const landed = await login(account);
  await run.seen(page, "workspace");
  if (!run.check(new URL(landed.url).pathname === "/workspace", `login landed on ${landed.url}`)) throw new Error("not logged in");
  run.equal(await textOf(page, "h1"), say(lang, "staff-workspace-heading"), "workspace heading");
  // A first login: the fingerprint is read out to the coordinator, who certifies the account and
  // gives it the desk; the Khmer responder sets Khmer as their account's language.
  const fingerprint = await page.$$eval("main p", (ps) =>
    ps.filter((p) => p.querySelector("code")).map((p) => ({ p: p.firstChild?.textContent.trim(), code: p.querySelector("code").textContent.trim() })),
  );
  account.fingerprint = fingerprint.find((f) => f.p === say(lang, "staff-your-fingerprint"))?.code;
  if (!run.check(account.fingerprint, "no fingerprint in the workspace")) throw new Error("no fingerprint");
  if (lang !== "en") {
    await submit(page, 'main a[href="/settings"]');
    await run.seen(page, "settings");
    await page.selectOption("#language", lang);
    await submit(page, 'form[action="/settings"] button');
    await run.seen(page, "settings-saved");
    run.equal(await textOf(page, 'p[role="status"]'), say(lang, "staff-settings-saved"), "the settings' message");
    run.check((await page.$eval("#language", (s) => s.value)) === lang, "the account's language is not kept");
  }
  await admit(coordinator.page, account);
  await run.shot(coordinator.page, "coordinator-admits");
  await go(page, "/workspace");
  await run.seen(page, "workspace-granted");

  run.at("3 (queue and filters)");
  await submit(page, `main a[href="/queues/${DESK.queue}"]`);
  await run.seen(page, "queue");
  run.check((await textOf(page, "h1"))?.startsWith(say(lang, "staff-queue-heading")), "queue heading");
  const all = await expectList(run, page, filedReports, "the whole queue");
  const b = all.find((e) => e.place === placeOf(lang, mine.find((r) => r.key === "B")));
  run.check(b?.lines.some((l) => l.includes(say(lang, "staff-reported-by-family"))), `report B's summary does not say "${say(lang, "staff-reported-by-family")}"`);
  await filter(run, page, { priority: "critical" }, "filter-critical");
  await expectList(run, page, filedReports.filter((r) => r.priority === "critical"), "critical only");
  await filter(run, page, { status: "new", claim: "unclaimed" }, "filter-new-unclaimed");
  const unclaimed = await expectList(run, page, filedReports.filter((r) => !r.claimant), "new and unclaimed");
  for (const e of unclaimed) {
    run.check(e.meta?.includes(say(lang, "staff-unassigned")), `unclaimed entry ${e.place} does not say "${say(lang, "staff-unassigned")}"`);
  }
  await filter(run, page, { status: "closed" }, "filter-closed");
  await expectList(run, page, [], "closed");

  run.at("4 (open and claim)");
  await filter(run, page, { status: "new", claim: "unclaimed" }, "filter-again");
  const entry = (await listed(page)).find((e) => e.place === placeOf(lang, a));
  if (!entry) throw new Error(`report A (${a.compound}) is not in the unclaimed list`);
  await submit(page, `main a[href="${entry.href}"]`);
  await run.seen(page, "report");
  run.check((await textOf(page, "h1"))?.startsWith(say(lang, "staff-report-heading")), "report heading");
  run.equal(await textOf(page, "#narrative"), words.narrative, "the narrative");
  run.check(!(await page.$("#channel")), "a report the reporter filed is marked as filed by hotline staff");
  run.equal(await textOf(page, "#claim"), say(lang, "staff-claim"), "the Claim button");
  await submit(page, "#claim");
  await run.seen(page, "claimed");
  run.equal(await textOf(page, "#done"), `✓ ${say(lang, "staff-done-claimed")}`, "the message after claiming");
  run.check(!(await page.$("#claim")), '"Claim" is still offered after claiming');
  run.equal(await textOf(page, "#assignee"), say(lang, "staff-mine"), "the assignee after claiming");
  a.claimant = account.username;
  await submit(page, `main a[href="/queues/${DESK.queue}"]`);
  await run.seen(page, "queue-after-claim");
  await filter(run, page, { claim: "mine" }, "filter-mine");
  await expectList(run, page, filedReports.filter((r) => r.claimant === account.username), "claimed by me");
  await submit(page, `main a[href="${entry.href}"]`);
  await run.seen(page, "report-again");

  run.at("5 (reply)");
  await page.click("details:has(#reply) > summary");
  await page.fill("#reply", words.reply);
  await submit(page, 'form[action$="/reply"] button');
  await run.seen(page, "replied");
  run.equal(await textOf(page, "#done"), `✓ ${say(lang, "staff-done-replied")}`, "the message after replying");
  const timeline = () =>
    page.$$eval("ol.timeline > li", (lis) =>
      lis.map((li) => ({
        internal: li.classList.contains("internal"),
        what: li.querySelector("b")?.textContent.trim(),
        mark: li.querySelector("p.warn")?.textContent.trim() ?? null,
        text: li.querySelector("p.msg")?.textContent.trim() ?? null,
        style: (({ backgroundColor, borderLeftStyle, borderLeftColor }) => `${backgroundColor} ${borderLeftStyle} ${borderLeftColor}`)(getComputedStyle(li)),
      })),
    );
  const reply = (await timeline()).find((e) => e.text === words.reply);
  if (run.check(reply, "the reply is not in the timeline")) {
    run.check(saying(lang, "staff-tl-reply").test(reply.what ?? ""), `the reply's line says "${reply.what}"`);
    run.check(!reply.internal, "the reply is marked internal");
  }

  run.at("6 (internal note)");
  await page.click("details:has(#note) > summary");
  await page.fill("#note", words.note);
  await submit(page, 'form[action$="/note"] button');
  await run.seen(page, "noted");
  run.equal(await textOf(page, "#done"), `✓ ${say(lang, "staff-done-noted")}`, "the message after the note");
  const events = await timeline();
  const note = events.find((e) => e.text === words.note);
  if (run.check(note, "the note is not in the timeline")) {
    run.equal(note.what, say(lang, "staff-tl-note", { name: account.username }), "the note's line");
    run.check(note.internal, "the note is not set apart (class internal)");
    run.equal(note.mark, say(lang, "staff-tl-internal"), "the note's mark");
    const replied = events.find((e) => e.text === words.reply);
    run.check(replied && replied.style !== note.style, `the note looks like the reply (${note.style})`);
  }

  run.at("7 (referral)");
  await page.click("details:has(#refer-to) > summary");
  const targets = await page.$$eval("#refer-to option", (os) => os.map((o) => o.value));
  if (!run.check(targets.includes(PARTNER.queue), `cannot refer to ${PARTNER.queue} (offered: ${targets.join(", ")})`)) throw new Error("no queue to refer to");
  await page.selectOption("#refer-to", PARTNER.queue);
  await page.fill("#refer-reason", words.reason);
  await submit(page, 'form[action$="/refer"] button');
  await run.seen(page, "referred");
  run.equal(await textOf(page, "#done"), `✓ ${say(lang, "staff-done-referred")}`, "the message after referring");
  const referral = (await timeline()).find((e) => e.what === say(lang, "staff-tl-referral", { from: DESK.queue, to: PARTNER.queue, name: account.username }));
  run.check(referral, "the referral is not in the timeline");
  // The partner's coordinator (who imported its key) finds the report in the partner's queue.
  const pp = partner.page;
  await go(pp, `/queues/${PARTNER.queue}`);
  await run.shot(pp, "partner-queue");
  const partnerPlaces = (await listed(pp)).map((e) => e.place);
  run.check(partnerPlaces.includes(`${a.compound} · ${say("en", `country-${a.country}`)}`), `report A is not in ${PARTNER.queue} (${partnerPlaces.join(" | ")})`);

  run.at("8 (hotline)");
  await go(page, "/workspace");
  await run.seen(page, "workspace-again");
  run.equal(await textOf(page, 'main a[href="/hotline"]'), say(lang, "staff-hotline-link"), "the hotline link");
  await submit(page, 'main a[href="/hotline"]');
  await run.seen(page, "hotline");
  run.equal(await textOf(page, "h1"), say(lang, "staff-hotline-heading"), "the hotline heading");
  // The caller speaks Burmese: the form is theirs, the page around it the responder's.
  const caller = "my";
  await page.selectOption("#caller", caller);
  await submit(page, 'form[action="/hotline"][method="get"] button');
  await run.seen(page, "hotline-caller");
  run.check(await page.$(`form[method="post"] div[lang="${caller}"]`), `the form is not in the caller's language (${caller})`);
  run.equal(await textOf(page, `div[lang="${caller}"] fieldset > legend`), say(caller, "form-essentials"), "the caller's form");
  run.check(!(await page.$('form[action="/hotline"] input[type="checkbox"][name^="consent."]:checked')), "a consent is ticked before the caller said yes");
  const h = { key: "H", country: "KH", priority: "high", compound: `Shwe Kokko ${run.tag}-H`, claimant: null, run: run.tag, hotline: true };
  await page.selectOption('form[method="post"] select[name="reporter.relation"]', "family");
  await page.selectOption('form[method="post"] select[name="location.country"]', h.country);
  await page.fill('form[method="post"] input[name="location.compound"]', h.compound);
  await page.check('form[method="post"] input[name="indicators"][value="imminent_transfer"]');
  await page.fill('form[method="post"] textarea[name="narrative"]', "ညီမလေးကို မနက်ဖြန် ရွှေ့မယ်လို့ ပြောတယ်။");
  await submit(page, 'form[action="/hotline"][method="post"] button[type="submit"]');
  await run.seen(page, "hotline-filed");
  run.equal(await textOf(page, "h1"), say(lang, "staff-hotline-filed-heading"), "the filed page's heading");
  const code = await textOf(page, "p.code");
  run.check(/^\d{4}( \d{4}){4}$/.test(code ?? ""), `no receipt code to read to the caller (${code})`);
  run.equal(await textOf(page, `div[lang="${caller}"] p`), say(caller, "receipt-warning"), "the receipt words in the caller's language");
  run.equal(page.last?.headers()["cache-control"], "no-store", "the filed page's Cache-Control");
  if (code) filedReports.push(h);
  await go(page, "/workspace");
  await submit(page, `main a[href="/queues/${DESK.queue}"]`);
  await run.seen(page, "queue-with-hotline");
  const withHotline = await expectList(run, page, filedReports, "the queue after the hotline filing");
  const filed = withHotline.find((e) => e.place === placeOf(lang, h));
  if (run.check(filed, "the hotline report is not in the queue")) {
    const card = await page.$eval(`main li:has(a[href="${filed.href}"])`, (li) => li.textContent);
    run.check(card.includes(say(lang, "staff-filed-by-hotline")), "the queue list does not mark the hotline report");
    await submit(page, `main a[href="${filed.href}"]`);
    await run.seen(page, "hotline-report");
    run.equal(await textOf(page, "#channel"), say(lang, "staff-filed-by-hotline"), "the hotline report's mark");
  }
  await page.context().close();
}

// ---- the whole run

const started = Date.now();
const browser = await launch();
let server = null;
const runs = [];
try {
  const deployed = await deploy(browser);
  server = deployed.server;
  const setupSeconds = Math.round((Date.now() - started) / 1000);
  for (const width of WIDTHS) {
    for (const lang of LANGUAGES) {
      const run = new Run(lang, width);
      runs.push(run);
      const t0 = Date.now();
      try {
        await fileReports(browser, run);
        await runSteps(browser, run, { account: deployed.responders[run.tag], coordinator: deployed.desk, partner: deployed.partner });
      } catch (e) {
        fail(run.where(), `the run stopped: ${e.stack ?? e}`);
      }
      run.seconds = Math.round((Date.now() - t0) / 1000);
    }
  }
  console.log(`workspace: setup ${setupSeconds} s`);
} catch (e) {
  fail("setup", `the run stopped: ${e.stack ?? e}`);
} finally {
  await browser.close();
  server?.kill();
}
for (const run of runs) console.log(`  ${run.lang} @${run.width}: ${run.pages} pages, ${run.shots} screenshots, ${run.seconds} s`);
console.log(`workspace: ${Math.round((Date.now() - started) / 1000)} s in all (${Math.round(waited / 1000)} s waiting for fresh TOTP codes); screenshots in e2e/artifacts/workspace/`);
if (problems.length) {
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
