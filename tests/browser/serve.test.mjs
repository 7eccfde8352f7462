// The demo page as the README tells a newcomer to open it: `scripts/serve`
// and a browser. Also what the page shows when it cannot start, since a
// blank page with no message is the worst a newcomer can meet.
//
//   node --test tests/browser/   (scripts/test-browser installs what it needs)
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launch } from "./browser.mjs";
import { MOUNTS, startServer } from "./server.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Runs `scripts/serve ARGS…`; resolves to `{ url, stop }` once it prints its address. */
function serve(...args) {
  const child = spawn("bash", [join(ROOT, "scripts/serve"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`scripts/serve printed no address: ${out}`)), 120000);
    child.on("exit", (code) => reject(new Error(`scripts/serve exited with ${code}: ${out}`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop: () => child.kill("SIGTERM") });
      }
    });
  });
}

test("scripts/serve serves the demo page, and the calculator computes the reference case", async () => {
  const { url, stop } = await serve("--port", "0");
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  try {
    await page.goto(url);
    const calc = page.locator("andel-calculator[data-ready]");
    await calc.waitFor({ timeout: 15000 });
    // Halmstad's share of 1 250 000 kr by the 2019 populations:
    // 1 250 000 · 102 767 / 228 501 = 562 180.25…, so 562 180 kr.
    const halmstad = (await calc.locator("#members tr").nth(2).locator(".contribution").textContent()).replace(/\s/g, " ");
    assert.equal(halmstad.replace(/[\u202f\u00a0]/g, " "), "562 180 kr");
    assert.equal(await page.locator(".no-script").isVisible(), false);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    stop();
  }
});

test("a page whose package is missing says so inside the element, naming where it looked", async () => {
  const empty = mkdtempSync(join(tmpdir(), "andel-no-pkg-"));
  const server = await startServer({ mounts: [["/pkg/", empty], ...MOUNTS.filter(([p]) => p !== "/pkg/")] });
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url);
    const alert = page.locator("andel-calculator").getByRole("alert");
    await alert.waitFor({ timeout: 15000 });
    const text = await alert.textContent();
    assert.match(text, /^Kalkylatorn kunde inte laddas: /);
    assert.ok(text.includes(`${server.url}pkg/`), text);
  } finally {
    await page.close();
    await server.close();
    rmSync(empty, { recursive: true, force: true });
  }
});

test("opened as a file, the demo page tells how to serve it instead of staying blank", async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(pathToFileURL(join(ROOT, "web/index.html")).href);
    const message = page.locator(".no-script");
    // Hidden for a grace period of 2 s, then shown because the module never defines the element.
    await message.waitFor({ state: "visible", timeout: 10000 });
    assert.match((await message.textContent()).replace(/\s+/g, " "), /inte öppnas som fil; .*scripts\/serve/);
  } finally {
    await page.close();
  }
});
