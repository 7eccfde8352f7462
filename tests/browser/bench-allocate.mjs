// Benchmark (run by hand, never by the tests): andel's Node build `allocate`
// against Dinero.js 2.x `allocate` on 100 000 weights, in the same process.
//
//   node tests/browser/bench-allocate.mjs   (after scripts/test-browser or
//   npm ci --prefix tests/browser, and scripts/build-wasm)
//
// The split is the one of BENCHMARKS.md's Rust benchmark: weights from the
// same 64-bit LCG (2000 + (state >> 33) mod 1 000 000), total 123 456 789.01
// SEK, i.e. 12 345 678 901 öre, largest remainder. Inputs are built outside
// the timing; each run times one full call. Median of 15 runs after 3 warm-ups.
import { createRequire } from "node:module";
import { allocate as dAllocate, dinero, toSnapshot } from "dinero.js";
import { allocate as bAllocate, dinero as bDinero, toSnapshot as bSnapshot } from "dinero.js/bigint";
import { SEK } from "dinero.js/currencies";
import { SEK as bSEK } from "dinero.js/bigint/currencies";

const andel = createRequire(import.meta.url)("../../wasm/pkg/node/index.cjs");
const N = Number(process.argv[2] ?? 100000);

function weights(n) {
  let state = 0x2545f4914f6cdd1dn;
  const mask = (1n << 64n) - 1n;
  const out = [];
  for (let i = 0; i < n; i++) {
    state = (state * 6364136223846793005n + 1442695040888963407n) & mask;
    out.push(2000 + Number((state >> 33n) % 1000000n));
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Times the contenders interleaved — one call of each per round, in a
 * rotating order — so that load from other processes on this shared machine
 * falls on all of them alike. 3 warm-up rounds, then 15 timed ones.
 */
function race(contenders) {
  const runs = contenders.map(() => []);
  const outs = [];
  for (let round = 0; round < 18; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      const t0 = process.hrtime.bigint();
      outs[i] = contenders[i].run();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (round >= 3) runs[i].push(ms);
    }
  }
  contenders.forEach((c, i) => {
    const ms = median(runs[i]);
    console.log(
      `${c.label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ${((ms * 1e6) / N).toFixed(0).padStart(6)} ns/weight  ${c.check(outs[i])}`,
    );
  });
  return outs;
}

const w = weights(N);
const wStrings = w.map(String);
const wBig = w.map(BigInt);
const totalOre = 12345678901;

const sumCheck = (amounts) => `sum ${amounts.reduce((a, b) => a + BigInt(b), 0n)}`;

console.log(`${N} weights, total 123456789.01 SEK, node ${process.version}`);
const andelUnits = (a) => a.map((s) => BigInt(s.replace(".", "")));
const dineroUnits = (parts) => parts.map((d) => BigInt(toSnapshot(d).amount));
const bigDineroUnits = (parts) => parts.map((d) => bSnapshot(d).amount);
const outs = race([
  {
    label: "andel allocate (weights as numbers)",
    run: () => andel.allocate({ total: "123456789.01", weights: w }),
    check: (a) => sumCheck(andelUnits(a)),
  },
  {
    label: "andel allocate (weights as strings)",
    run: () => andel.allocate({ total: "123456789.01", weights: wStrings }),
    check: (a) => sumCheck(andelUnits(a)),
  },
  {
    label: "andel allocate, largest_ratio (numbers)",
    run: () => andel.allocate({ total: "123456789.01", weights: w, method: "largest_ratio" }),
    check: (a) => sumCheck(andelUnits(a)),
  },
  {
    label: "dinero.js allocate (number calculator)",
    run: () => dAllocate(dinero({ amount: totalOre, currency: SEK }), w),
    check: (parts) => sumCheck(dineroUnits(parts)),
  },
  {
    label: "dinero.js allocate (bigint calculator)",
    run: () => bAllocate(bDinero({ amount: BigInt(totalOre), currency: bSEK }), wBig),
    check: (parts) => sumCheck(bigDineroUnits(parts)),
  },
]);
// Are the splits the same? Dinero hands leftover units by largest ratio
// (shared/domain.md), so it is compared with andel's largest_ratio too.
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const lr = andelUnits(outs[0]);
const ratio = andelUnits(outs[2]);
const dn = dineroUnits(outs[3]);
const db = bigDineroUnits(outs[4]);
console.log(`dinero number == dinero bigint: ${same(dn, db)}`);
console.log(`dinero bigint == andel largest_ratio: ${same(db, ratio)}; == andel largest_remainder: ${same(db, lr)}`);
