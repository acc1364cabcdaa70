// Reporter pages in a real browser: Debian's chromium driven by playwright-core, JavaScript off.
// For Khmer, Burmese and Thai: open the home page, fill and send the report form, read the
// receipt code, come back with it. Pages are checked for horizontal overflow at 240 and 360
// pixels wide, and screenshots are kept in e2e/artifacts/. Then the same flow runs over an
// emulated 2G link (250 kbit/s down, 50 up, 300 ms round trip), timed.
//
// Usage: node e2e/reach.mjs path/to/homeward   (writes e2e/artifacts/timings.md)

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, link2g } from "./browser.mjs";

const binary = process.argv[2] ?? "target/debug/homeward";
const port = 18090;
const base = `http://127.0.0.1:${port}`;
const artifacts = new URL("./artifacts/", import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });

const languages = [
  { tag: "km", words: "ពួកគេបានយកលិខិតឆ្លងដែនរបស់ខ្ញុំ" },
  { tag: "my", words: "သူတို့က ကျွန်ုပ်၏ နိုင်ငံကူးလက်မှတ်ကို ယူသွားသည်" },
  { tag: "th", words: "พวกเขายึดหนังสือเดินทางของฉันไป" },
];

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}

async function startServer() {
  const data = mkdtempSync(join(tmpdir(), "homeward-e2e-"));
  const server = spawn(binary, ["serve"], {
    env: {
      ...process.env,
      HOMEWARD_DATA_DIR: join(data, "data"),
      HOMEWARD_DATABASE__URL: `sqlite://${join(data, "data", "homeward.db")}`,
      HOMEWARD_SERVER__PORT: String(port),
      HOMEWARD_LOG__FILTER: "warn",
      HOMEWARD_FOLLOWUP__ATTEMPTS_PER_MINUTE: "1000",
      // One browser on loopback sends every report of the run: not a flood.
      HOMEWARD_LIMITS__SUBMISSIONS_PER_MINUTE: "1000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("the server did not start");
}

/// Sends a report in `lang` and comes back with its code; returns the timings in ms.
async function flow(page, { tag, words }, label) {
  const started = Date.now();
  await page.goto(`${base}/?lang=${tag}`, { waitUntil: "commit" });
  await page.click('a[href^="/report?as=self"]');
  await page.waitForSelector('form[action="/report"] button[type="submit"]', { state: "visible" });
  const formReady = Date.now() - started;
  await page.selectOption('select[name="location.country"]', "KH");
  await page.fill('textarea[name="narrative"]', words);
  await page.check('input[name="indicators"][value="documents_taken"]');
  const sent = Date.now();
  await page.click('form[action="/report"] button[type="submit"] >> nth=0');
  await page.waitForSelector(".code");
  const receiptReady = Date.now() - sent;
  const code = (await page.textContent(".code"))?.trim() ?? "";
  if (!/^\d{4}( \d{4}){4}$/.test(code)) fail(`${label}: no receipt code (${code})`);
  if ((await page.getAttribute("html", "lang")) !== tag) fail(`${label}: receipt not in ${tag}`);
  await page.screenshot({ path: join(artifacts, `${label}-receipt.png`), fullPage: true });

  await page.goto(`${base}/followup?lang=${tag}`);
  await page.fill('input[name="code"]', code);
  await page.click('form[action="/followup"] button[type="submit"]');
  await page.waitForSelector('form[action="/followup/message"]');
  if ((await page.getAttribute("html", "lang")) !== tag) fail(`${label}: thread not in ${tag}`);
  const html = await page.content();
  if (html.includes(words)) fail(`${label}: the reporter's words came back`);
  await page.screenshot({ path: join(artifacts, `${label}-thread.png`), fullPage: true });
  return { formReady, receiptReady };
}

/// Whether any page of the reporter's is wider than the window at `width` pixels.
async function overflow(browser, width) {
  // Layout needs no script; the measuring does, so it runs in a context of its own.
  const context = await browser.newContext({ viewport: { width, height: 640 } });
  const page = await context.newPage();
  for (const { tag } of languages) {
    for (const path of ["/", "/report?as=self", "/report?as=other", "/followup"]) {
      await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}lang=${tag}`);
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const [scroll, inner] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      if (scroll > inner) fail(`${tag} ${path} overflows at ${width}px (${scroll} > ${inner})`);
      const name = `${tag}-${path.replace(/[^a-z]+/g, "_")}-${width}.png`;
      await page.screenshot({ path: join(artifacts, name), fullPage: true });
    }
  }
  await context.close();
}

const server = await startServer();
const browser = await launch();
const rows = [];
try {
  for (const width of [240, 360]) await overflow(browser, width);
  for (const language of languages) {
    for (const link of ["loopback", "2G"]) {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();
      if (link === "2G") await link2g(context, page);
      const timings = await flow(page, language, `${language.tag}-${link}`);
      rows.push({ tag: language.tag, link, ...timings });
      await context.close();
    }
  }
} catch (e) {
  fail(String(e));
} finally {
  await browser.close();
  server.kill();
}
const table = [
  "| language | link | navigation to a usable form | submit to the receipt |",
  "|---|---|---|---|",
  ...rows.map((r) => `| ${r.tag} | ${r.link} | ${r.formReady} ms | ${r.receiptReady} ms |`),
].join("\n");
writeFileSync(join(artifacts, "timings.md"), `${table}\n`);
console.log(table);
