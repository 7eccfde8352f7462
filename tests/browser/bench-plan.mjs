// Benchmark (run by hand, never by the tests): the plan page, web/plan.html
// with <andel-plan> and the reference plan, in headless Chromium — what the
// page downloads (gzipped), the time to the first result and the time of a
// re-render (switching language, picking a member, a new plan text).
//
//   node tests/browser/bench-plan.mjs   (after scripts/test-browser, or
//                                        scripts/build-wasm and npm ci --prefix tests/browser)
//
// Size: every request the page makes while it loads, as Chromium reports
// them (the HTML, andel-plan.js, the full package's JavaScript modules, the
// .wasm, the plan), each file gzipped at level 9 by Node's zlib, summed: the
// transfer from a server that gzips. The local server itself sends them
// uncompressed.
// First result: from the navigation's start (performance.timeOrigin) to the
// element's performance mark "andel-plan-first-result", set once the tables,
// the chart and the first member's explanation are in the DOM; 20 fresh
// pages (the server sends no-store, so the modules and the wasm are fetched
// and compiled every time), median and worst.
// Re-render, on a loaded page, each timed around a synchronous call:
// switching language (the `lang` property: every table, the chart and the
// explanation drawn again, explainPlan and whyChanged in wasm), 100 times;
// picking a member (a `change` event on the member picker: explainPlan and
// whyChanged for budget year 2022), 200 times; and a new plan text (the
// `plan` property, from the setter to the `andel-ready` event: computePlan,
// planToJson and the whole element), 50 times. Median and p95.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CHROMIUM, launch } from "./browser.mjs";
import { MOUNTS, startServer } from "./server.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

/** The file a served path comes from (the server's own mounts). */
function fileOf(pathname) {
  for (const [prefix, dir] of MOUNTS) {
    if (pathname.startsWith(prefix)) return join(dir, decodeURIComponent(pathname.slice(prefix.length)));
  }
  throw new Error(`not served: ${pathname}`);
}

const root = new URL("../../", import.meta.url);
const git = (...args) => {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
};
let chromiumVersion = "unknown";
try {
  chromiumVersion = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim();
} catch {}
console.log(`date: ${new Date().toISOString()}`);
console.log(`commit: ${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") === "" ? "" : " (with uncommitted changes)"}`);
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`${chromiumVersion}, Node ${process.version}`);
console.log(`load average before: ${load()}`);

const server = await startServer();
const browser = await launch();
try {
  // 1. What the page loads.
  {
    const page = await browser.context.newPage();
    const paths = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol === "http:") paths.push(url.pathname);
    });
    await page.goto(`${server.url}plan.html`);
    await page.locator("andel-plan[data-ready]").waitFor({ timeout: 20000 });
    await page.waitForLoadState("networkidle");
    await page.close();
    const unique = [...new Set(paths)];
    let raw = 0;
    let zipped = 0;
    let planFile = 0;
    console.log("what the plan page loads (bytes; gzip -9 of each file):");
    for (const path of unique) {
      const body = readFileSync(fileOf(path === "/" ? "/index.html" : path));
      const gz = gzipSync(body, { level: 9 }).length;
      raw += body.length;
      zipped += gz;
      if (path.startsWith("/examples/")) planFile += gz;
      console.log(`  ${path.padEnd(34)} ${String(body.length).padStart(8)} ${String(gz).padStart(8)}`);
    }
    console.log(`  ${"total".padEnd(34)} ${String(raw).padStart(8)} ${String(zipped).padStart(8)}`);
    console.log(`total gzipped: ${zipped} bytes (${(zipped / 1000).toFixed(1)} KB; target 300 KB: ${(zipped / 300000).toFixed(2)}x), of which the plan itself ${planFile}`);
  }

  // 2. First result.
  const firsts = [];
  for (let i = 0; i < 20; i++) {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}plan.html`);
    await page.locator("andel-plan[data-ready]").waitFor({ timeout: 20000 });
    firsts.push(await page.evaluate(() => performance.getEntriesByName("andel-plan-first-result")[0].startTime));
    await page.close();
  }
  console.log(`first result: median ${median(firsts).toFixed(0)} ms, worst ${Math.max(...firsts).toFixed(0)} ms (20 loads; target 300 ms)`);

  // 3. Re-render.
  const page = await browser.context.newPage();
  await page.goto(`${server.url}plan.html`);
  await page.locator("andel-plan[data-ready]").waitFor({ timeout: 20000 });
  const times = await page.evaluate(async () => {
    const el = document.querySelector("andel-plan");
    const out = { lang: [], member: [], plan: [] };
    const year = el.shadowRoot.getElementById("year");
    year.value = "2022";
    year.dispatchEvent(new Event("change"));
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      el.lang = el.lang === "sv" ? "en" : "sv";
      out.lang.push(performance.now() - t0);
    }
    const ids = el.result.totals.map((m) => m.id);
    for (let i = 0; i < 200; i++) {
      const member = el.shadowRoot.getElementById("member");
      member.value = ids[i % ids.length];
      const t0 = performance.now();
      member.dispatchEvent(new Event("change"));
      out.member.push(performance.now() - t0);
    }
    const text = await (await fetch("examples/tillvaxtmotor.json")).text();
    for (let i = 0; i < 50; i++) {
      const ready = new Promise((ok) => el.addEventListener("andel-ready", ok, { once: true }));
      const t0 = performance.now();
      // A different text each time (a trailing space), as an edited plan would be.
      el.plan = text + " ".repeat(i % 2);
      await ready;
      out.plan.push(performance.now() - t0);
    }
    return out;
  });
  const line = (xs) => `median ${median(xs).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`;
  console.log(`re-render, switching language: ${line(times.lang)} (100 switches)`);
  console.log(`re-render, picking a member:   ${line(times.member)} (200 picks, budget year 2022)`);
  console.log(`re-render, a new plan text:    ${line(times.plan)} (50 texts)`);
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`load average after: ${load()}`);
