// The report form sealed on the device, in headless Chromium with JavaScript on, against a
// running server: the script checks itself against RFC 9180's vector and ours, fills the form
// with canary words, and sends it; no request or response may carry a canary in the clear, and
// the plain form must never be posted. Then, with X25519 taken away, the same form must fall back
// to the plain form and still give a receipt, and so must a report with a file attached.
//
// Usage: node e2e/sealed.mjs BASE_URL CANARY [--2g]   (prints one JSON line: the receipt codes,
// and with --2g the time from submit to receipt over an emulated 2G link, sealed and plain)

import { readFileSync } from "node:fs";
import { launch, link2g } from "./browser.mjs";

const [base, canary] = process.argv.slice(2);
const slow = process.argv.includes("--2g");
const vectors = JSON.parse(readFileSync(new URL("../docs/sealed-intake-vectors.json", import.meta.url)));
const problems = [];
const fail = (message) => problems.push(message);

// RFC 9180, appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode.
const rfc = {
  ikmE: "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234",
  pkR: "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
  info: "4f6465206f6e2061204772656369616e2055726e",
  pt: "4265617574792069732074727574682c20747275746820626561757479",
  aad: "436f756e742d30",
  enc: "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
  ct: "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a",
};

const browser = await launch();

async function open(context) {
  const page = await context.newPage();
  const seen = [];
  page.on("request", (r) => seen.push({ method: r.method(), url: r.url(), body: r.postData() ?? "" }));
  page.on("response", async (r) => {
    try {
      seen.push({ method: "response", url: r.url(), body: await r.text() });
    } catch {
      // a navigation's body is gone once the next page loads; its request was still checked
    }
  });
  await page.goto(`${base}/report?as=self&lang=en`);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  return { page, seen };
}

async function fill(page) {
  await page.selectOption('select[name="location.country"]', "KH");
  await page.fill('input[name="location.compound"]', `${canary}-compound`);
  await page.fill('textarea[name="narrative"]', `${canary}-narrative`);
  await page.fill('textarea[name="reporter.contact"]', `${canary}-contact`);
  await page.fill('input[name="person.name"]', `${canary}-name`);
  await page.selectOption('select[name="person.nationality"]', "IN");
  await page.fill('input[name="documents.0.number"]', `${canary}-passport`);
  await page.check('input[name="indicators"][value="documents_taken"]');
  await page.check('input[name="consent.partner_ngos"]');
  await page.check('input[name="consent.consulate"]');
}

async function send(page) {
  const started = Date.now();
  await page.click('form[action="/report"] button[type="submit"] >> nth=0');
  await page.waitForSelector(".code", { timeout: 120000 });
  const elapsed = Date.now() - started;
  const code = (await page.textContent(".code"))?.trim() ?? "";
  if (!/^\d{4}( \d{4}){4}$/.test(code)) fail(`no receipt code (${code})`);
  return { code, elapsed };
}

const out = {};
try {
  // 1. Sealed on the device.
  const context = await browser.newContext();
  const { page, seen } = await open(context);
  await page.waitForSelector('form[data-sealing="ready"]');
  const check = await page.evaluate(
    async ({ rfc, v }) => {
      const hex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));
      const unhex = (b) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
      const s = await self.HomewardSeal.hpke(hex(rfc.pkR), hex(rfc.info), hex(rfc.aad), hex(rfc.pt), hex(rfc.ikmE));
      const c = v.cases.find((x) => x.format === 2);
      const item = await self.HomewardSeal.item(
        "report", v.report_id, v.item_id, new TextEncoder().encode(v.plaintext),
        [{ recipient: "queue:vector", public_key: v.recipient_public_key_text }],
        { key: hex(v.item_key), nonce: hex(c.nonce), ikm: hex(c.ikm_e) },
      );
      const b = (t) => unhex(Uint8Array.from(atob(t.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0)));
      return {
        rfc: unhex(s.enc) === rfc.enc && unhex(s.ct) === rfc.ct,
        ours: b(item.ciphertext) === c.ciphertext && b(item.keys[0].enc) === c.enc && b(item.keys[0].sealed_key) === c.sealed_key,
      };
    },
    { rfc, v: vectors.vectors },
  );
  if (!check.rfc) fail("the script's HPKE does not match RFC 9180 A.1.1");
  if (!check.ours) fail("the script's sealing does not match docs/sealed-intake-vectors.json");
  if (slow) await link2g(context, page);
  await fill(page);
  const sealed = await send(page);
  out.sealed = sealed.code;
  if (slow) out.sealed_ms = sealed.elapsed;
  for (const r of seen) {
    if (r.body.includes(canary)) fail(`a canary in the clear: ${r.method} ${r.url}`);
  }
  if (seen.some((r) => r.method === "POST" && new URL(r.url).pathname === "/report")) {
    fail("the plain form was posted");
  }
  for (const path of ["/api/v1/sealed/tickets", "/api/v1/sealed/reports"]) {
    if (!seen.some((r) => r.method === "POST" && new URL(r.url).pathname === path)) fail(`no POST ${path}`);
  }
  await context.close();

  // 2. A browser without X25519: the plain form, unchanged.
  const plain = await browser.newContext();
  await plain.addInitScript(() => {
    const generate = crypto.subtle.generateKey.bind(crypto.subtle);
    crypto.subtle.generateKey = (a, ...rest) =>
      a && a.name === "X25519" ? Promise.reject(new DOMException("no X25519", "NotSupportedError")) : generate(a, ...rest);
  });
  const fallback = await open(plain);
  if (slow) await link2g(plain, fallback.page);
  await fill(fallback.page);
  const posted = await send(fallback.page);
  out.fallback = posted.code;
  if (slow) out.plain_ms = posted.elapsed;
  if (!fallback.seen.some((r) => r.method === "POST" && new URL(r.url).pathname === "/report")) {
    fail("without X25519 the plain form was not posted");
  }
  if (fallback.seen.some((r) => new URL(r.url).pathname.startsWith("/api/v1/sealed/"))) {
    fail("without X25519 the script still tried to seal");
  }
  await plain.close();

  // 3. With a file attached, the plain form too: files are cleaned by the server.
  const attached = await browser.newContext();
  const withFile = await open(attached);
  await withFile.page.waitForSelector('form[data-sealing="ready"]');
  await fill(withFile.page);
  // A 1×1 PNG.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );
  await withFile.page.setInputFiles('input[name="attachments"]', { name: "photo.png", mimeType: "image/png", buffer: png });
  out.with_file = (await send(withFile.page)).code;
  if (!withFile.seen.some((r) => r.method === "POST" && new URL(r.url).pathname === "/report")) {
    fail("with a file attached the plain form was not posted");
  }
  if (withFile.seen.some((r) => new URL(r.url).pathname.startsWith("/api/v1/sealed/"))) {
    fail("with a file attached the script still tried to seal");
  }
  await attached.close();
} catch (e) {
  fail(String(e));
} finally {
  await browser.close();
}
for (const p of problems) console.error(`FAIL: ${p}`);
console.log(JSON.stringify(out));
process.exit(problems.length ? 1 : 0);
