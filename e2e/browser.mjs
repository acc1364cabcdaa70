// What the browser runs share: Debian's chromium, headless, without its background traffic, and
// the emulated 2G link (250 kbit/s down, 50 kbit/s up, 300 ms round trip) the timings use.

import { chromium } from "playwright-core";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function link2g(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 300,
    downloadThroughput: (250 * 1000) / 8,
    uploadThroughput: (50 * 1000) / 8,
  });
}
