// A partner app uploading with the real tus-js-client (issue 19): the server on a fresh SQLite
// database (its demo desk receives), then, in Node, as an app would:
//   1. OPTIONS names tus 1.0.0, the creation extension and the largest upload;
//   2. a photo given as a Node stream goes up in several PATCHes of a small chunk size;
//   3. a second photo, given as a Buffer, is stopped after two chunks; a new Upload finds it in
//      the app's URL storage, asks where it stands (HEAD) and goes on from that offset, never
//      from the start;
//   4. a report attaching both (each named by its id and its token) is accepted, and the
//      uploads are used up with it.
// The token the creation answers with (`Upload-Token`) is kept beside the upload's URL, as an app
// keeps it, and sent on every HEAD and PATCH; it is never in a URL. Every response must name
// `Tus-Resumable: 1.0.0`. `Upload-Metadata` carries a file name, which the server ignores.
//
// Usage: node e2e/tus.mjs path/to/homeward   (exit status 1 on any failure)

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { deflateSync } from "node:zlib";
import { Upload } from "tus-js-client";
import { homeward } from "./lib.mjs";

const binary = process.argv[2] ?? "target/debug/homeward";
const hw = homeward({ binary, port: 18093, name: "tus" });
const endpoint = `${hw.base}/api/v1/uploads`;
const CHUNK = 16 * 1024;

// ---- a photo: an RGB PNG of noise, so that it does not shrink below several chunks

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(width, height) {
  // Each row: filter type 0, then its pixels.
  const rows = Array.from({ length: height }, () => Buffer.concat([Buffer.alloc(1), randomBytes(width * 3)]));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- what an app keeps: the tus client's URL storage, and each upload's token beside its URL

class MemoryUrlStorage {
  constructor() {
    this.entries = new Map();
  }
  async findAllUploads() {
    return [...this.entries.values()];
  }
  async findUploadsByFingerprint(fingerprint) {
    return [...this.entries.entries()].filter(([k]) => k.startsWith(`${fingerprint}::`)).map(([, v]) => v);
  }
  async removeUpload(key) {
    this.entries.delete(key);
  }
  async addUpload(fingerprint, upload) {
    const key = `${fingerprint}::${this.entries.size}`;
    this.entries.set(key, { ...upload, urlStorageKey: key });
    return key;
  }
}
const urlStorage = new MemoryUrlStorage();
const tokens = new Map();

/// The options every Upload of the run shares; `log` records each request as the server saw it.
function options(log, extra) {
  return {
    endpoint,
    chunkSize: CHUNK,
    retryDelays: null,
    urlStorage,
    metadata: { filename: "passport-of-a-worker.png", filetype: "image/png" },
    onBeforeRequest(req) {
      const token = tokens.get(req.getURL());
      if (req.getMethod() !== "POST") {
        assert.ok(token, `no token kept for ${req.getMethod()} ${req.getURL()}`);
        req.setHeader("Upload-Token", token);
      }
    },
    onAfterResponse(req, res) {
      log.push({ method: req.getMethod(), offset: req.getHeader("Upload-Offset"), status: res.getStatus() });
      assert.equal(res.getHeader("Tus-Resumable"), "1.0.0", `${req.getMethod()} answered without Tus-Resumable`);
      if (req.getMethod() === "POST" && res.getStatus() === 201) {
        const token = res.getHeader("Upload-Token");
        assert.ok(token, "the creation answered no Upload-Token");
        const url = new URL(res.getHeader("Location"), endpoint).toString();
        assert.ok(!url.includes(token), "the token is in the upload's URL");
        tokens.set(url, token);
      }
    },
    ...extra,
  };
}

/// Runs an upload to its end (or until `stopAfter` chunks): resolves with the upload.
function run(upload, stopAfter = Infinity) {
  return new Promise((resolve, reject) => {
    let chunks = 0;
    upload.options.onError = reject;
    upload.options.onSuccess = () => resolve(upload);
    upload.options.onChunkComplete = () => {
      chunks += 1;
      if (chunks === stopAfter) upload.abort().then(() => resolve(upload), reject);
    };
    upload.start();
  });
}

const idOf = (url) => new URL(url).pathname.split("/").pop();

/// Where an upload stands, asked as tus asks.
async function stands(url) {
  const r = await fetch(url, { method: "HEAD", headers: { "Tus-Resumable": "1.0.0", "Upload-Token": tokens.get(url) } });
  return { status: r.status, offset: r.headers.get("upload-offset"), length: r.headers.get("upload-length") };
}

await hw.start();
try {
  // 1. What the server offers.
  const offered = await fetch(endpoint, { method: "OPTIONS" });
  assert.equal(offered.status, 204);
  assert.equal(offered.headers.get("tus-version"), "1.0.0");
  assert.match(offered.headers.get("tus-extension") ?? "", /\bcreation\b/);
  const maxSize = Number(offered.headers.get("tus-max-size"));
  assert.ok(maxSize > 0, "no Tus-Max-Size");

  // 2. A stream, in several PATCHes.
  const first = png(160, 120);
  assert.ok(first.length > 3 * CHUNK && first.length < maxSize, `${first.length} bytes`);
  const streamed = [];
  const one = await run(
    new Upload(Readable.from([first.subarray(0, 20000), first.subarray(20000)], { objectMode: false }), options(streamed, { uploadSize: first.length })),
  );
  const patches = streamed.filter((r) => r.method === "PATCH");
  assert.equal(streamed[0].method, "POST");
  assert.equal(patches.length, Math.ceil(first.length / CHUNK), JSON.stringify(streamed));
  assert.ok(patches.every((r) => r.status === 204), JSON.stringify(streamed));
  assert.deepEqual(await stands(one.url), { status: 200, offset: String(first.length), length: String(first.length) });
  console.log(`a stream of ${first.length} bytes went up in ${patches.length} PATCHes`);

  // 3. A Buffer, stopped after two chunks, then resumed from the stored offset.
  const second = png(150, 110);
  const stopped = [];
  const partial = await run(new Upload(second, options(stopped)), 2);
  assert.deepEqual(await stands(partial.url), { status: 200, offset: String(2 * CHUNK), length: String(second.length) });
  const resumed = [];
  const again = new Upload(second, options(resumed));
  const previous = await again.findPreviousUploads();
  assert.equal(previous.length, 1, "the stopped upload is not in the URL storage");
  again.resumeFromPreviousUpload(previous[0]);
  await run(again);
  assert.equal(again.url, partial.url, "the resumed upload is not the stopped one");
  assert.equal(resumed[0].method, "HEAD", JSON.stringify(resumed));
  assert.equal(resumed[1].method, "PATCH", JSON.stringify(resumed));
  assert.equal(resumed[1].offset, String(2 * CHUNK), "the resumed upload did not go on from where it stood");
  assert.ok(!resumed.some((r) => r.method === "POST"), "the resumed upload started over");
  assert.deepEqual(await stands(again.url), { status: 200, offset: String(second.length), length: String(second.length) });
  console.log(`a Buffer of ${second.length} bytes stopped at ${2 * CHUNK} and resumed there`);

  // 4. A report attaching both.
  const response = await fetch(`${hw.base}/api/v1/reports`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      location: { country: "KH" },
      narrative: "Photos sent from a partner app with tus-js-client",
      attachments: [one.url, again.url].map((url) => ({ upload: idOf(url), token: tokens.get(url) })),
    }),
  });
  const created = await response.json();
  assert.equal(response.status, 201, JSON.stringify(created));
  assert.equal((created.receipt_code ?? "").replace(/\D/g, "").length, 20, JSON.stringify(created));
  for (const url of [one.url, again.url]) assert.equal((await stands(url)).status, 404, "an attached upload is still there");
  console.log("the report attaching both was accepted");
  console.log("tus: all checks passed");
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  process.exit();
}
