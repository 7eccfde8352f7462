// The JavaScript side of scripts/bench (a benchmark, never a test): andel's
// Node build and Dinero.js 2.x `allocate`, on the jobs scripts/bench_peers.py
// writes (the same weight files every runtime reads).
//
//   node tests/browser/bench-peers.mjs target/bench-peers/jobs.json
//
// Needs wasm/pkg/node (scripts/build-wasm) and dinero.js from this folder's
// package.json (npm ci --prefix tests/browser); scripts/bench does both.
// For every measurement: one warm-up call (its result is the one checked),
// then as many timed calls as fit in about a second, 3 to 51, an odd count
// (`runs_for` in scripts/bench_common.py). Prints one JSON line per
// measurement; writes the parts as counts of units, one per line.
// bench-allocate.mjs is the interleaved andel-vs-Dinero race of BENCHMARKS.md's
// "Browser" section; this one follows scripts/bench's protocol instead.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { allocate as dAllocate, dinero, toSnapshot } from "dinero.js";
import { allocate as bAllocate, dinero as bDinero, toSnapshot as bSnapshot } from "dinero.js/bigint";
import { SEK } from "dinero.js/currencies";
import { SEK as bSEK } from "dinero.js/bigint/currencies";

const require = createRequire(import.meta.url);
const andel = require("../../wasm/pkg/node/index.cjs");
// Read as a file: the package's "exports" do not include its package.json.
const dineroVersion = JSON.parse(readFileSync(new URL("./node_modules/dinero.js/package.json", import.meta.url), "utf8")).version;
const andelVersion = require("../../wasm/pkg/node/package.json").version;

function runsFor(firstS) {
  const n = Math.max(3, Math.min(51, Math.floor(1 / Math.max(firstS, 1e-9))));
  return n % 2 ? n : n + 1;
}

function measure(call) {
  let t0 = process.hrtime.bigint();
  const result = call();
  const first = Number(process.hrtime.bigint() - t0) / 1e9;
  const times = [];
  for (let i = runsFor(first); i > 0; i--) {
    t0 = process.hrtime.bigint();
    call();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { result, times };
}

/** "1234.50" at unit scale 2 → 123450n: exact, through strings. */
function toUnits(amount, scale) {
  const [whole, frac = ""] = amount.split(".");
  return BigInt(whole + frac.padEnd(scale, "0").slice(0, scale));
}

function report(job, impl, version, { result, times }, units, outDir) {
  const slug = impl.replace(/[^A-Za-z0-9]/g, "-");
  const file = join(outDir, `node-${slug}-${job.method}-${job.size}.txt`);
  writeFileSync(file, units.join("\n") + "\n");
  console.log(JSON.stringify({ impl, runtime: "node", version, method: job.method, size: job.size, times, units_file: file }));
}

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const job of spec.jobs) {
  const w = readFileSync(job.weights_file, "utf8").trim().split("\n").map(Number);
  const scale = (job.unit.split(".")[1] ?? "").length;
  const options = { total: job.total, weights: w, unit: job.unit, method: job.method };
  const m = measure(() => andel.allocate(options));
  report(job, "andel JS: allocate (wasm in Node, numbers in, strings out)", andelVersion, m, m.result.map((a) => toUnits(a, scale)), spec.out_dir);
  // The typed-array path: whole weights in a Float64Array (as read here,
  // safe integers) and in a BigInt64Array, units out as a BigInt64Array.
  const unitOptions = { total: job.total, unit: job.unit, method: job.method };
  const wFloat = Float64Array.from(w);
  const f = measure(() => andel.allocateUnits({ ...unitOptions, weights: wFloat }));
  report(job, "andel JS: allocateUnits (Float64Array in, BigInt64Array units out)", andelVersion, f, Array.from(f.result), spec.out_dir);
  const wBigInt = BigInt64Array.from(w, BigInt);
  const g = measure(() => andel.allocateUnits({ ...unitOptions, weights: wBigInt }));
  report(job, "andel JS: allocateUnits (BigInt64Array in and out)", andelVersion, g, Array.from(g.result), spec.out_dir);

  // Dinero.js has one rule, largest ratio: it is timed on that job only, in
  // minor units (öre) as Dinero wants them.
  if (job.method !== "largest_ratio") continue;
  const units = Number(job.units);
  const d = measure(() => dAllocate(dinero({ amount: units, currency: SEK }), w));
  report(job, "Dinero.js: allocate (number calculator)", dineroVersion, d, d.result.map((p) => toSnapshot(p).amount), spec.out_dir);
  const wBig = w.map(BigInt);
  const b = measure(() => bAllocate(bDinero({ amount: BigInt(job.units), currency: bSEK }), wBig));
  report(job, "Dinero.js: allocate (bigint calculator)", dineroVersion, b, b.result.map((p) => bSnapshot(p).amount), spec.out_dir);
}
