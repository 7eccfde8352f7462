// Launches Debian's Chromium (never a downloaded browser) with a fresh
// profile, for the browser tests and benchmarks.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.ANDEL_CHROMIUM ?? "/usr/bin/chromium";

/** Starts headless Chromium; resolves to `{ browser, context, close }`. Throws when Chromium cannot start. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "andel-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1000, height: 900 },
    locale: "sv-SE",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
      // Containers often have a tiny /dev/shm, where Chromium crashes; use /tmp.
      "--disable-dev-shm-usage",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
