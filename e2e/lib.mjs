// What the staff walks share (e2e/axe.mjs, e2e/workspace.mjs): the server on a fresh SQLite
// database under a temporary folder, its command line with the same settings, TOTP codes computed
// as an authenticator app does, and a browser page with JavaScript off that remembers the document
// it last navigated to, as the server sent it.

import { execFileSync, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/// A server on `port` over a fresh data folder: `env` is what `serve` and every `cli` call run
/// with (the caller's `settings` over the common ones).
export function homeward({ binary, port, name, settings = {} }) {
  const base = `http://127.0.0.1:${port}`;
  const data = mkdtempSync(join(tmpdir(), `homeward-${name}-`));
  const env = {
    ...process.env,
    HOMEWARD_DATA_DIR: join(data, "data"),
    HOMEWARD_DATABASE__URL: `sqlite://${join(data, "data", "homeward.db")}`,
    HOMEWARD_SERVER__PORT: String(port),
    HOMEWARD_PUBLIC_URL: base,
    HOMEWARD_LOG__FILTER: "warn",
    ...settings,
  };
  const cli = (...args) => execFileSync(binary, args, { env, encoding: "utf8" });
  async function start() {
    const taken = await fetch(`${base}/healthz`).then(() => true, () => false);
    if (taken) throw new Error(`something already answers on ${base}`);
    const server = spawn(binary, ["serve"], { env, stdio: ["ignore", "ignore", "inherit"] });
    process.on("exit", () => server.kill());
    for (let i = 0; i < 150; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) return server;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    server.kill();
    throw new Error("the server did not start");
  }
  return { base, data, env, cli, start };
}

/// The 30-second step a TOTP code belongs to.
export const totpStep = (at = Date.now()) => Math.floor(at / 30000);

/// RFC 6238 with the authenticator defaults the enrolment page names: SHA-1, 6 digits, 30 s.
export function totp(secretBase32, step = totpStep()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secretBase32.replace(/[\s=]/g, "").toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  }
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e6).padStart(6, "0");
}

/// A browser page with JavaScript off; `page.last` is the last navigation's response.
export async function flowPage(browser, base, { locale = "en", width = 360, height = 740 } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, locale, viewport: { width, height } });
  const page = await context.newPage();
  page.base = base;
  page.last = null;
  page.on("response", (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) page.last = r;
  });
  return page;
}

/// The document the page shows now, as the server sent it.
export async function current(page) {
  const r = page.last;
  const headers = { ...(await r.allHeaders()) };
  for (const h of ["content-encoding", "content-length", "transfer-encoding", "set-cookie"]) delete headers[h];
  return { url: r.url(), status: r.status(), headers, body: await r.body() };
}

export async function go(page, path) {
  await page.goto(`${page.base}${path}`);
  return current(page);
}

/// The case file folds its action forms away (no JavaScript needed to open them): a person
/// opens one, as this does before it types.
export async function unfold(page) {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
}

/// Clicks what submits a form and waits for the page it leads to.
export async function submit(page, selector) {
  await Promise.all([page.waitForEvent("load"), page.click(selector)]);
  return current(page);
}

/// A GET made outside the browser (another language, no session): the document as sent.
export async function fetched(base, path, headers = {}) {
  const r = await fetch(`${base}${path}`, { headers });
  const kept = {};
  for (const [k, v] of r.headers) if (!["content-encoding", "content-length", "transfer-encoding"].includes(k)) kept[k] = v;
  return { url: r.url, status: r.status, headers: kept, body: Buffer.from(await r.arrayBuffer()) };
}

/// The texts of the elements of class `cls` (a first text node each), from a document's HTML.
export const text = (html, cls) => [...html.matchAll(new RegExp(`class="${cls}"[^>]*>([^<]*)<`, "g"))].map((m) => m[1].trim());
export const html = (doc) => doc.body.toString("utf8");
