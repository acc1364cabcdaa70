// Seals the report form on the device (docs/sealed-intake.md), so what the reporter typed never
// reaches the server in the clear. HPKE (RFC 9180, base mode, DHKEM(X25519, HKDF-SHA256),
// HKDF-SHA256, AES-128-GCM) is assembled from WebCrypto's X25519, HKDF and HMAC; items are
// AES-256-GCM (format 2). Where the browser lacks X25519, when files are attached, or on any
// refusal, the form is sent as it is, exactly as without JavaScript.
"use strict";
(() => {
  const S = crypto.subtle, te = new TextEncoder();
  const cat = (...a) => {
    const o = new Uint8Array(a.reduce((n, x) => n + x.length, 0));
    let i = 0;
    for (const x of a) { o.set(x, i); i += x.length; }
    return o;
  };
  const u8 = (b) => new Uint8Array(b);
  const i2 = (n) => u8([n >> 8, n & 255]);
  const b64 = (b) => btoa(String.fromCharCode(...b)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const unb64 = (s) => u8([...atob(s.replace(/-/g, "+").replace(/_/g, "/"))].map((c) => c.charCodeAt(0)));
  const V1 = te.encode("HPKE-v1");
  const KEM = cat(te.encode("KEM"), i2(0x20));
  const SUITE = cat(te.encode("HPKE"), i2(0x20), i2(1), i2(1));

  // HKDF-Extract alone (HMAC keyed by the salt; 32 zero bytes stand for an empty salt).
  const extract = async (salt, ikm) => {
    const k = await S.importKey("raw", salt.length ? salt : new Uint8Array(32), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return u8(await S.sign("HMAC", k, ikm));
  };
  // LabeledExpand(LabeledExtract(salt, l1, ikm), l2, info, n), as one WebCrypto HKDF.
  const hkdf = async (suite, salt, l1, ikm, l2, info, n) => {
    const k = await S.importKey("raw", cat(V1, suite, te.encode(l1), ikm), "HKDF", false, ["deriveBits"]);
    const info2 = cat(i2(n), V1, suite, te.encode(l2), info);
    return u8(await S.deriveBits({ name: "HKDF", hash: "SHA-256", salt, info: info2 }, k, n * 8));
  };
  const x25519 = { name: "X25519" };
  const pkcs8 = (sk) => cat(u8([48, 46, 2, 1, 0, 48, 5, 6, 3, 43, 101, 110, 4, 34, 4, 32]), sk);
  const pair = async (ikm) => {
    if (!ikm) return S.generateKey(x25519, true, ["deriveBits"]);
    // RFC 9180 DeriveKeyPair, for the test vectors only.
    const sk = await hkdf(KEM, u8([]), "dkp_prk", ikm, "sk", u8([]), 32);
    const privateKey = await S.importKey("pkcs8", pkcs8(sk), x25519, true, ["deriveBits"]);
    const { x } = await S.exportKey("jwk", privateKey);
    return { privateKey, publicKey: await S.importKey("raw", unb64(x), x25519, true, []) };
  };
  // HPKE single-shot seal to the raw public key pkR.
  const hpke = async (pkR, info, aad, pt, ikm) => {
    const e = await pair(ikm);
    const enc = u8(await S.exportKey("raw", e.publicKey));
    const r = await S.importKey("raw", pkR, x25519, false, []);
    const dh = u8(await S.deriveBits({ name: "X25519", public: r }, e.privateKey, 256));
    const shared = await hkdf(KEM, u8([]), "eae_prk", dh, "shared_secret", cat(enc, pkR), 32);
    const label = (l, x) => extract(u8([]), cat(V1, SUITE, te.encode(l), x));
    const ctx = cat(u8([0]), await label("psk_id_hash", u8([])), await label("info_hash", info));
    const key = await hkdf(SUITE, shared, "secret", u8([]), "key", ctx, 16);
    const nonce = await hkdf(SUITE, shared, "secret", u8([]), "base_nonce", ctx, 12);
    const k = await S.importKey("raw", key, "AES-GCM", false, ["encrypt"]);
    return { enc, ct: u8(await S.encrypt({ name: "AES-GCM", iv: nonce, additionalData: aad }, k, pt)) };
  };
  const uuid = (s) => u8(s.replace(/-/g, "").match(/../g).map((h) => parseInt(h, 16)));
  // One item in format 2 under a fresh key, the key sealed to each recipient.
  const item = async (kind, report, id, pt, to, fixed) => {
    const f = fixed || {};
    const raw = f.key || crypto.getRandomValues(new Uint8Array(32));
    const iv = f.nonce || crypto.getRandomValues(new Uint8Array(12));
    const ids = cat(uuid(report), uuid(id));
    const ad = cat(te.encode("homeward/item"), u8([0, 2]), ids);
    const k = await S.importKey("raw", raw, "AES-GCM", false, ["encrypt"]);
    const ct = u8(await S.encrypt({ name: "AES-GCM", iv, additionalData: ad }, k, pt));
    const keys = [];
    for (const r of to) {
      const pk = unb64(r.public_key.slice(6));
      const s = await hpke(pk, te.encode("homeward/item-key/v1"), ids, raw, f.ikm);
      keys.push({ recipient: r.recipient, public_key: r.public_key, enc: b64(s.enc), sealed_key: b64(s.ct) });
    }
    raw.fill(0);
    return { kind, id, format: 2, nonce: b64(iv), ciphertext: b64(ct), keys };
  };

  // The form's answers as the JSON API's report, as the server's own form decoder reads them.
  const PAGE = ["lang", "as", "visit", "use_location", "website", "attachments"];
  const MULTI = ["indicators", "wants"];
  const answers = (form) => {
    const root = { indicators: [], wants: [] };
    for (const [name, v] of new FormData(form)) {
      if (PAGE.includes(name) || typeof v !== "string") continue;
      if (MULTI.includes(name)) { root[name].push(v); continue; }
      if (v === "") continue;
      const parts = name.split(".");
      let node = root;
      while (parts.length > 1) { const p = parts.shift(); node = node[p] = node[p] || {}; }
      node[parts[0]] = v;
    }
    if (root.documents) root.documents = Object.keys(root.documents).sort((a, b) => a - b).map((i) => root.documents[i]);
    return root;
  };
  const some = (o, keys) => keys.some((k) => o && o[k]);
  const only = (o, keys) => Object.fromEntries(keys.filter((k) => o && o[k] !== undefined).map((k) => [k, o[k]]));
  // The server's too_thin rule: with nothing to act on, let the server say so beside the field.
  const thin = (r) => !(r.narrative || r.last_contact || r.indicators.length ||
    some(r.location, ["country", "state", "city", "compound", "street", "landmarks", "visible", "latitude"]) ||
    some(r.reporter, ["contact"]) || some(r.person, ["mobile_phone", "handles"]));
  const post = async (path, body) => {
    const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (r.status !== 201) throw new Error(r.status);
    return r.json();
  };
  // Padded with spaces to a multiple of 512 bytes, as the server pads what it seals: the
  // ciphertext's length then tells little of what was typed (docs/sealed-intake.md).
  const pad = (b) => { const o = new Uint8Array(Math.max(1, Math.ceil(b.length / 512)) * 512).fill(32); o.set(b); return o; };
  const wrap = (tag, field, v) => pad(te.encode(JSON.stringify({ homeward: tag, [field]: v })));

  const send = async (form, r) => {
    const t = await post("/api/v1/sealed/tickets", {
      location: { country: (r.location || {}).country }, person: { nationality: (r.person || {}).nationality },
      language: r.language, consent: r.consent || {}, indicators: r.indicators,
    });
    // What a consulate or the police may see, field by field (domain::projection's list):
    // never how to reach the person or the reporter.
    const projection = {
      person: only(r.person, ["name", "age", "age_range", "nationality"]),
      documents: (r.documents || []).map((d) => only(d, ["type", "number", "issuing_country", "holder"])),
      location: only(r.location, ["country", "state", "city", "compound", "street", "landmarks", "visible", "latitude", "longitude"]),
      wants: r.wants,
    };
    const items = [
      await item("report", t.report_id, t.items.report, wrap("report/v1", "report", r), t.audiences.ngo),
      await item("projection", t.report_id, t.items.projection, wrap("projection/v1", "projection", projection), t.audiences.projection),
    ];
    const done = await post("/api/v1/sealed/reports", { ticket: t.ticket, items });
    // The receipt page, from the server's sealed carrier: the code never goes in a URL.
    const show = document.createElement("form");
    show.method = "post";
    show.action = "/receipt/show";
    for (const [name, value] of [["lang", form.elements.lang.value], ["receipt", done.receipt_page]]) {
      const i = document.createElement("input");
      i.type = "hidden"; i.name = name; i.value = value;
      show.append(i);
    }
    document.body.append(show);
    HTMLFormElement.prototype.submit.call(show);
  };

  self.HomewardSeal = { hpke, item, answers };
  const form = document.querySelector("form[action='/report']");
  if (!form || !S) return;
  let ready = false, busy = false;
  pair().then(() => { ready = true; form.dataset.sealing = "ready"; }, () => {});
  form.addEventListener("submit", (ev) => {
    const files = form.elements.attachments;
    const r = answers(form);
    if (!ready || busy || (files && files.files.length) || form.elements.website.value || thin(r)) return;
    ev.preventDefault();
    busy = true;
    form.setAttribute("aria-busy", "true");
    // A ticket that went stale or was spent (a key rotated meanwhile) is asked for again once;
    // any other failure sends the plain form, exactly as without JavaScript, so that the server
    // can say what is wrong beside the field, or that it is busy, and nothing typed is lost.
    const plain = () => HTMLFormElement.prototype.submit.call(form);
    send(form, r).catch((e) => (["403", "409", "410"].includes(e.message) ? send(form, r).catch(plain) : plain()));
  });
})();
