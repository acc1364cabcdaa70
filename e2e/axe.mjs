// Every reporter and staff page through axe-core in Debian's chromium, at 360 and 1280 pixels.
// The server starts on a fresh SQLite database (the demo desk); the script bootstraps an operator
// with `homeward admin bootstrap`, enrols a coordinator of the demo organisation and a responder
// through their invites (TOTP codes computed here), files reports through the form, and walks
// every page a reporter and a member of staff can reach, with JavaScript OFF, as the pages must
// work without it. Each page it reaches is then replayed, byte for byte, into a second browser
// page with JavaScript on (axe needs it; the page's own scripts are blocked), where it is checked:
// - no serious or critical axe violation (each printed with its rule, target and page);
// - at 360 px no horizontal scroll (document.scrollingElement.scrollWidth <= 360);
// - a skip link is the first thing Tab reaches (after "Leave this page" on a reporter's page),
//   and following it moves focus to <main>;
// - every control Tab reaches shows a visible focus indicator (an outline or a box shadow).
// Screenshots of every page at both widths are kept in e2e/artifacts/axe/. The server, TOTP and
// the JavaScript-off page are e2e/lib.mjs's, shared with e2e/workspace.mjs.
//
// Usage: node e2e/axe.mjs path/to/homeward   (exit status 1 on any failure)

import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { launch } from "./browser.mjs";
import { current, fetched as fetchedFrom, flowPage as flowPageOn, go, homeward, html, submit, text, totp, unfold } from "./lib.mjs";

const binary = process.argv[2] ?? "target/debug/homeward";
const port = 18096;
const artifacts = new URL("./artifacts/axe/", import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });
// From node_modules, never fetched while the run goes.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PASSWORD = "violet river under nine lanterns";
const WIDTHS = [360, 1280];

const problems = [];
const fail = (message) => {
  problems.push(message);
  console.error(`FAIL: ${message}`);
};
const covered = [];

const { base, data, cli, start: startServer } = homeward({
  binary,
  port,
  name: "axe",
  settings: {
    HOMEWARD_FOLLOWUP__ATTEMPTS_PER_MINUTE: "1000",
    HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE: "1000",
    // One browser on loopback logs in every account of the run: not a guessing attack.
    HOMEWARD_SESSIONS__LOGIN_ATTEMPTS_PER_MINUTE: "1000",
    HOMEWARD_SESSIONS__GLOBAL_LOGIN_ATTEMPTS_PER_MINUTE: "1000",
    // Every entry overdue at once, so that the queue shows its overdue marks.
    HOMEWARD_ACK_TARGETS__NORMAL_MINUTES: "1",
    HOMEWARD_ACK_TARGETS__HIGH_MINUTES: "1",
    HOMEWARD_ACK_TARGETS__CRITICAL_MINUTES: "1",
  },
});

// ---- the flow: a browser page with JavaScript off, and what it last navigated to (lib.mjs)

const flowPage = (browser, locale = "en") => flowPageOn(browser, base, { locale });
const fetched = (path, headers = {}) => fetchedFrom(base, path, headers);

// ---- the checks, on a replay of the document with JavaScript on

let auditPages;

async function auditContext(browser, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  // The page's own script (the form's sealing) stays out: what is checked is the page without it.
  // Nothing leaves for another site either (the leave link's).
  await context.route(
    (u) => !u.href.startsWith(base) || u.pathname.endsWith(".js"),
    (route) => route.abort().catch(() => {}),
  );
  return context.newPage();
}

const lesser = new Map();

/// Checks the page at both widths; `status` is the answer the walk expects (a refusal's 4xx
/// page is checked as much as any other, but a page the walk did not mean to reach fails).
async function check(label, doc, status = 200) {
  covered.push(`${label} (${doc.status})`);
  if (doc.status !== status) fail(`${label}: answered ${doc.status}, not ${status}`);
  // Staff pages work without JavaScript because they carry none (the policy allows none).
  if (label.startsWith("staff") && /<script/i.test(doc.body.toString("utf8"))) fail(`${label}: carries a script`);
  for (const width of WIDTHS) {
    const page = auditPages[width];
    await page.route((u) => u.href === doc.url, (route) => route.fulfill({ status: doc.status, headers: doc.headers, body: doc.body }), { times: 1 });
    await page.goto(doc.url);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await page.evaluate(axeSource);
    const violations = await page.evaluate(() =>
      window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
        r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) })),
      ),
    );
    for (const v of violations) {
      if (v.impact === "serious" || v.impact === "critical") {
        fail(`${label} @${width}: ${v.id} (${v.impact}: ${v.help}) at ${v.targets.slice(0, 5).join(", ")}`);
      } else {
        lesser.set(`${v.id} (${v.impact})`, (lesser.get(`${v.id} (${v.impact})`) ?? 0) + 1);
      }
    }
    if (width === 360) {
      const scroll = await page.evaluate(() => document.scrollingElement.scrollWidth);
      if (scroll > 360) fail(`${label} @360: scrolls sideways (${scroll} px wide)`);
    }
    await page.screenshot({ path: join(artifacts, `${label.replace(/[^a-z0-9]+/gi, "_")}-${width}.png`), fullPage: true });
    if (width === 1280) await keyboard(label, page);
  }
}

/// Tab from the top: the skip link first (on a reporter's page, right after "Leave this page",
/// which a person in danger must reach first), focus moved to <main> by it, and a visible ring
/// on every control reached.
async function keyboard(label, page) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press("Tab");
  const target = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      return a && a.tagName === "A" ? { href: a.getAttribute("href"), leave: a.classList.contains("leave") } : null;
    });
  let reached = await target();
  if (reached?.leave) {
    await page.keyboard.press("Tab");
    reached = await target();
  }
  const first = reached?.href ?? null;
  if (first !== "#main") {
    fail(`${label}: the first Tab reaches no skip link (${first})`);
  } else {
    if (!(await focusVisible(page))) fail(`${label}: the skip link shows no focus`);
    await page.keyboard.press("Enter");
    const landed = await page.evaluate(() => document.activeElement?.id ?? "");
    if (landed !== "main") fail(`${label}: the skip link leaves focus on ${landed || "nothing"}, not <main>`);
  }
  const unseen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a !== document.body ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ""}${a.name ? `[name=${a.name}]` : ""}` : null;
    });
    if (!where) break;
    if (!(await focusVisible(page))) unseen.push(where);
  }
  if (unseen.length) fail(`${label}: no visible focus on ${unseen.length} control(s): ${unseen.slice(0, 4).join(", ")}`);
}

function focusVisible(page) {
  return page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== "none");
  });
}

// ---- the walk

async function enrol(browser, link, username, label) {
  const page = await flowPage(browser);
  const path = new URL(link).pathname;
  if (label) await check(`${label}: invite`, await go(page, path));
  else await go(page, path);
  if (label) {
    await page.fill("#username", username);
    await page.fill("#password", "short");
    await check(`${label}: invite, refused password`, await submit(page, 'form button[type="submit"]'), 422);
  }
  await page.fill("#username", username);
  await page.fill("#password", PASSWORD);
  const enrolled = await submit(page, 'form button[type="submit"]');
  if (label) await check(`${label}: enrolled (TOTP and recovery key)`, enrolled);
  const [secret, recovery] = text(html(enrolled), "code");
  if (!secret) throw new Error(`${username}: no TOTP secret on the enrolment page`);
  return { page, secret, recovery, username };
}

async function login(account, label) {
  const { page } = account;
  await go(page, "/login");
  await page.fill("#username", account.username);
  await page.fill("#password", PASSWORD);
  await page.fill("#code", totp(account.secret));
  const doc = await submit(page, 'form[action="/login"] button[type="submit"]');
  if (!new URL(doc.url).pathname.startsWith("/workspace")) throw new Error(`${account.username}: login failed (${doc.url})`);
  if (label) await check(label, doc);
  return doc;
}

async function sendReport(page, lang, words) {
  await go(page, `/report?as=self&lang=${lang}`);
  await page.selectOption('select[name="location.country"]', "KH");
  await page.fill('textarea[name="narrative"]', words);
  await page.check('input[name="indicators"][value="documents_taken"]');
  const receipt = await submit(page, 'form[action="/report"] button[type="submit"] >> nth=0');
  const [code] = text(html(receipt), "code");
  if (!/^\d{4}( \d{4}){4}$/.test(code ?? "")) throw new Error(`no receipt code in ${lang}`);
  return { receipt, code };
}

async function reporterPages(browser) {
  const page = await flowPage(browser);
  for (const lang of ["en", "km", "my"]) {
    await check(`reporter ${lang}: home`, await go(page, `/?lang=${lang}`));
    await check(`reporter ${lang}: form for oneself`, await go(page, `/report?as=self&lang=${lang}`));
  }
  await check("reporter en: form for someone else", await go(page, "/report?as=other&lang=en"));
  for (const lang of ["en", "km"]) {
    await go(page, `/report?as=other&lang=${lang}`);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await page.fill('input[name="person.age"]', "300");
    await check(
      `reporter ${lang}: form with mistakes`,
      await submit(page, 'form[action="/report"] button[type="submit"] >> nth=0'),
      422,
    );
  }
  const { receipt, code } = await sendReport(page, "en", "They took my passport");
  await check("reporter en: receipt", receipt);
  await page.fill("#code", "1111 2222 3333 4444 5555");
  await check("reporter en: receipt, mistyped check", await submit(page, 'form[action="/receipt/check"] button'), 422);
  await page.fill("#code", code);
  await check("reporter en: receipt, checked", await submit(page, 'form[action="/receipt/check"] button'));
  const km = await sendReport(page, "km", "ពួកគេបានយកលិខិតឆ្លងដែនរបស់ខ្ញុំ");
  await check("reporter km: receipt", km.receipt);
  for (const lang of ["en", "km"]) await check(`reporter ${lang}: follow-up`, await go(page, `/followup?lang=${lang}`));
  await page.fill("#code", "0000 0000 0000 0000 0000");
  await check("reporter km: follow-up, wrong code", await submit(page, 'form[action="/followup"] button'), 422);
  for (const lang of ["en", "km"]) await check(`reporter ${lang}: about`, await go(page, `/about?lang=${lang}`));
  await check("reporter en: not found", await go(page, "/nowhere?lang=en"), 404);
  await page.context().close();
  return code;
}

async function followupVisit(browser, code) {
  const page = await flowPage(browser);
  await go(page, "/followup?lang=en");
  await page.fill("#code", code);
  await check("reporter en: visit with a reply", await submit(page, 'form[action="/followup"] button'));
  await check("reporter en: visit, empty message", await submit(page, 'form[action="/followup/message"] button'), 422);
  await page.fill("#message", "Thank you");
  await check("reporter en: visit, message sent", await submit(page, 'form[action="/followup/message"] button'));
  await page.context().close();
}

async function staffPages(browser) {
  for (const lang of ["en", "km", "my", "th"]) {
    await check(`staff ${lang}: login`, await fetched("/login", { "Accept-Language": lang }));
  }
  await check("staff en: recover", await fetched("/recover", { "Accept-Language": "en" }));

  // The operator, from `homeward admin bootstrap`.
  const link = cli("admin", "bootstrap").match(/https?:\/\/\S+\/invite\/\S+/)?.[0];
  if (!link) throw new Error("admin bootstrap printed no invite");
  const operator = await enrol(browser, link, "op.axe", "staff en (operator)");
  const op = operator.page;
  await go(op, "/login");
  await op.fill("#username", "op.axe");
  await op.fill("#password", "not the password at all");
  await op.fill("#code", "000000");
  await check("staff en: login refused", await submit(op, 'form[action="/login"] button[type="submit"]'), 401);
  await login(operator, "staff en: operator workspace");

  await check("staff en: operator overview", await go(op, "/overview"));
  await check("staff en: organisations", await go(op, "/organisations"));
  await check("staff en: organisations, form with mistakes", await submit(op, 'form[action="/organisations"] button[type="submit"]'), 422);
  const verifying = cli("org", "keygen", "--print-signing-key").match(/hwov1\.\S+/)?.[0];
  await go(op, "/organisations");
  await op.fill("#id", "partner-ngo");
  await op.selectOption("#kind", "ngo");
  await op.fill("#name", "Partner NGO");
  await op.fill("#country", "KH");
  await op.fill("#contact", "desk@partner.example");
  await op.fill("#signing_key", verifying ?? "");
  await submit(op, 'form[action="/organisations"] button[type="submit"]');
  await check("staff en: organisation (registered)", await go(op, "/organisations/partner-ngo"));
  await check("staff en: organisation (demo)", await go(op, "/organisations/homeward-demo"));
  await go(op, "/organisations/partner-ngo");
  await check("staff en: confirm suspension", await submit(op, 'form[action$="/suspension"] button'));

  // A partner's first coordinator, not yet certified: the workspace says how to be.
  await go(op, "/workspace");
  await op.selectOption("#organisation", "partner-ngo");
  await op.selectOption("#role", "coordinator");
  const partnerLink = text(html(await submit(op, 'form[action="/invites"] button')), "cmd").find((t) => t.includes("/invite/"));
  const partner = await enrol(browser, partnerLink, "partner.axe");
  await login(partner, "staff en: uncertified coordinator workspace");
  await partner.page.fill("#certificate", "hwsg1.not-a-signature");
  await check("staff en: uncertified, certificate refused", await submit(partner.page, 'form[action="/workspace/certificate"] button'), 422);
  await partner.page.context().close();

  // The demo organisation's coordinator: imports the demo desk's key.
  await go(op, "/workspace");
  await op.selectOption("#organisation", "homeward-demo");
  await op.selectOption("#role", "coordinator");
  const invited = await submit(op, 'form[action="/invites"] button');
  await check("staff en: operator workspace, invite made", invited);
  const coordLink = text(html(invited), "cmd").find((t) => t.includes("/invite/"));
  // One more invite, revoked from the list of open ones: the workspace says so.
  await op.selectOption("#organisation", "partner-ngo");
  await op.selectOption("#role", "coordinator");
  await submit(op, 'form[action="/invites"] button');
  // The partner's, by its label: invites made in the same second are listed in no set order.
  const revokes = await op.$$eval('form[action$="/revoke"]', (fs) =>
    fs.filter((f) => f.closest("li")?.textContent.includes("Partner NGO")).map((f) => f.getAttribute("action")),
  );
  if (revokes.length !== 1) throw new Error(`one open invite for Partner NGO expected, found ${revokes.length}`);
  await check("staff en: operator workspace, invite revoked", await submit(op, `form[action="${revokes[0]}"] button`));
  const coordinator = await enrol(browser, coordLink, "coord.axe");
  const co = coordinator.page;
  await login(coordinator, "staff en: coordinator workspace, no key yet");
  const demoKey = readFileSync(join(data, "data", "demo-desk.key"), "utf8").trim();
  await co.fill("#key-demo-desk", demoKey);
  await check("staff en: coordinator workspace, key imported", await submit(co, 'form[action="/queues/demo-desk/key"] button'));

  // A responder, given the desk.
  await co.selectOption("#organisation", "homeward-demo");
  await co.selectOption("#role", "responder");
  const respLink = text(html(await submit(co, 'form[action="/invites"] button')), "cmd").find((t) => t.includes("/invite/"));
  const responder = await enrol(browser, respLink, "resp.axe");
  await login(responder, "staff en: responder workspace, no queue yet");
  await go(co, "/workspace");
  await check("staff en: coordinator workspace, members", await current(co));
  await co.selectOption("#grant-demo-desk", { label: "resp.axe" });
  await submit(co, 'form[action="/queues/demo-desk/members"] button');
  const memberForms = await co.$$eval('form[action^="/members/"][action$="/reset"]', (fs) => fs.map((f) => f.getAttribute("action")));
  const reset = await submit(co, `form[action="${memberForms[memberForms.length - 1]}"] button`);
  await check("staff en: coordinator workspace, reset link made", reset);
  const resetLink = text(html(reset), "cmd").find((t) => t.includes("/reset/"));
  if (resetLink) await check("staff en: reset", await fetched(new URL(resetLink).pathname, { "Accept-Language": "en" }));
  await go(co, "/workspace");
  const remove = await co.$$eval('form[action$="/remove"]', (fs) => fs.map((f) => f.getAttribute("action")));
  await check("staff en: confirm removal", await submit(co, `form[action="${remove[remove.length - 1]}"] button`));

  // The responder works the desk.
  const rp = responder.page;
  await check("staff en: responder workspace", await go(rp, "/workspace"));
  await check("staff en: queue", await go(rp, "/queues/demo-desk"));
  const reportLinks = await rp.$$eval('a[href*="/reports/"]', (as) => as.map((a) => a.getAttribute("href")));
  // Oldest first: the report sent in English, whose code the visit below uses.
  const report = reportLinks[0];
  await check("staff en: report", await go(rp, report));
  await check("staff en: report, claimed", await submit(rp, 'form[action$="/claim"] button'));
  await unfold(rp);
  if (await rp.$("#reply")) {
    await rp.fill("#reply", "We have your report and will write again soon.");
    await check("staff en: report, replied", await submit(rp, 'form[action$="/reply"] button'));
  }
  await unfold(rp);
  await rp.fill("#note", "Called the partner; no answer yet.");
  await check("staff en: report, note written", await submit(rp, 'form[action$="/note"] button'));
  await unfold(rp);
  if (await rp.$('form[action$="/status"]')) {
    await check("staff en: report, status moved", await submit(rp, 'form[action$="/status"] button'));
  }
  await check("staff en: settings", await go(rp, "/settings"));
  await rp.selectOption("#language", "km");
  await check("staff km: settings saved", await submit(rp, 'form[action="/settings"] button'));
  await check("staff km: workspace", await go(rp, "/workspace"));
  await check("staff km: queue", await go(rp, "/queues/demo-desk"));
  await check("staff km: report", await go(rp, report));
  await check("staff km: password", await go(rp, "/password"));
  await rp.fill("#current", "not the password at all");
  await rp.fill("#password", "short");
  await check("staff km: password, refused", await submit(rp, 'form[action="/password"] button'), 422);
  for (const account of [operator, coordinator]) await account.page.context().close();
  return { responder, report };
}

/// The responder again, once the reporter wrote back: the queue's and the report's new marks.
async function newMarks({ responder, report }) {
  const rp = responder.page;
  await check("staff km: queue with new messages", await go(rp, "/queues/demo-desk"));
  await check("staff km: report with new messages", await go(rp, report));
  await rp.context().close();
}

const server = await startServer();
const browser = await launch();
const started = Date.now();
try {
  auditPages = { 360: await auditContext(browser, 360), 1280: await auditContext(browser, 1280) };
  const code = await reporterPages(browser);
  const desk = await staffPages(browser);
  await followupVisit(browser, code);
  await newMarks(desk);
} catch (e) {
  fail(`the walk stopped: ${e.stack ?? e}`);
} finally {
  await browser.close();
  server.kill();
}
console.log(`axe: ${covered.length} pages at ${WIDTHS.join(" and ")} px in ${Math.round((Date.now() - started) / 1000)} s`);
for (const label of covered) console.log(`  ${label}`);
// Moderate and minor findings do not fail the run; they are counted, to be read.
for (const [rule, n] of lesser) console.log(`not failing: ${rule} on ${n} page view(s)`);
if (problems.length) {
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
