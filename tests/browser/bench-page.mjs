// Benchmark (run by hand, never by the tests): the calculator in headless
// Chromium — time to the first result, time of a recompute after an edit —
// and the size of what a page downloads, gzipped.
//
//   node tests/browser/bench-page.mjs   (after scripts/test-browser)
//
// First result: from the navigation's start (performance.timeOrigin) to the
// element's performance mark "andel-first-result", set once the reference
// case's figures are in the DOM; 20 fresh pages (the browser's HTTP cache
// disabled by the server's no-store), median and worst.
// Recompute: the reference case, one population edited (an `input` event
// dispatched on the field); the handler runs synchronously — read the form,
// build the budget, computeBudget in wasm, update the table, the check and the
// chart — and is timed around dispatchEvent, 500 times; median and p95.
// Shared links (issue 15): a link of 1 000 members (MAX_LINK_MEMBERS, the
// most a link may hold) and one of 50 000 (refused with a message; 100 000 is beyond Chromium's 2 MB URL): first
// result of 5 loads each, and the 1 000-member page's recompute, 50 edits.
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { launch } from "./browser.mjs";
import { startServer } from "./server.mjs";

const root = new URL("../../", import.meta.url);
const gz = (paths) => gzipSync(Buffer.concat(paths.map((p) => readFileSync(new URL(p, root)))), { level: 9 }).length;
const pkg = "wasm/pkg/calculator/";
const wasm = gz([`${pkg}andel_wasm_bg.wasm`]);
// Every JavaScript file of the package: what the page's imports load.
const glue = readdirSync(new URL(pkg, root))
  .filter((f) => f.endsWith(".js"))
  .map((f) => pkg + f);
console.log(`JS glue: ${glue.map((p) => p.slice(pkg.length)).join(", ")}`);
console.log(`wasm gzipped:                          ${wasm} bytes`);
console.log(`wasm + JS glue (each gzipped, summed):  ${wasm + glue.map((p) => gz([p])).reduce((a, b) => a + b, 0)} bytes`);
console.log(`  + web/andel-calculator.js gzipped:   ${gz(["web/andel-calculator.js"])} bytes`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const server = await startServer();
const browser = await launch();
try {
  const firsts = [];
  for (let i = 0; i < 20; i++) {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator("andel-calculator[data-ready]").waitFor();
    firsts.push(await page.evaluate(() => performance.getEntriesByName("andel-first-result")[0].startTime));
    await page.close();
  }
  console.log(`first result after load: median ${median(firsts).toFixed(0)} ms, worst ${Math.max(...firsts).toFixed(0)} ms (20 loads)`);

  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.locator("andel-calculator[data-ready]").waitFor();
  const times = await page.evaluate(() => {
    const root = document.querySelector("andel-calculator").shadowRoot;
    const field = root.getElementById("population-2");
    const out = [];
    for (let i = 0; i < 500; i++) {
      field.value = String(100000 + i);
      const t0 = performance.now();
      field.dispatchEvent(new Event("input", { bubbles: true }));
      out.push(performance.now() - t0);
    }
    return out;
  });
  console.log(`recompute after an edit: median ${median(times).toFixed(2)} ms, p95 ${pct(times, 0.95).toFixed(2)} ms (500 edits)`);
  await page.close();

  const linkOf = (n) => {
    const q = new URLSearchParams({ lang: "sv", total: "1000000", unit: "1", key: "per_capita", fixed: "30" });
    for (let i = 0; i < n; i++) {
      q.append("name", `M${i}`);
      q.append("pop", String(1000 + i));
      q.append("share", "");
    }
    return `${server.url}#andel:${q}`;
  };
  for (const n of [1000, 50000]) {
    const url = linkOf(n);
    const loads = [];
    for (let i = 0; i < 5; i++) {
      const p = await browser.context.newPage();
      await p.goto(url);
      await p.locator("andel-calculator[data-ready]").waitFor({ timeout: 60000 });
      loads.push(await p.evaluate(() => performance.getEntriesByName("andel-first-result")[0].startTime));
      if (i < 4) await p.close();
      else if (n === 1000) {
        const edits = await p.evaluate(() => {
          const root = document.querySelector("andel-calculator").shadowRoot;
          const field = root.getElementById("population-2");
          const out = [];
          for (let j = 0; j < 50; j++) {
            field.value = String(100000 + j);
            const t0 = performance.now();
            field.dispatchEvent(new Event("input", { bubbles: true }));
            out.push(performance.now() - t0);
          }
          return out;
        });
        console.log(`link of ${n} members: recompute after an edit: median ${median(edits).toFixed(1)} ms, worst ${Math.max(...edits).toFixed(1)} ms (50 edits)`);
        await p.close();
      } else await p.close();
    }
    console.log(`link of ${n} members (${url.length} characters): first result median ${median(loads).toFixed(0)} ms, worst ${Math.max(...loads).toFixed(0)} ms (5 loads)`);
  }
} finally {
  await browser.close();
  await server.close();
}
