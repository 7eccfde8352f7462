// Expected figures for the browser tests, worked out here independently of
// andel: exact rationals in BigInt and the largest-remainder (Hamilton)
// rule written out, with the plan format's tie rule (a larger exact amount
// first, then the earlier member).

/** The reference case's members and their populations on 31 December 2019 (SCB, shared/domain.md). */
export const REFERENCE_MEMBERS = [
  ["Båstad", 15128n],
  ["Falkenberg", 45367n],
  ["Halmstad", 102767n],
  ["Hylte", 10815n],
  ["Laholm", 25903n],
  ["Ljungby", 28521n],
];

/**
 * The reference plan's first year (examples/tillvaxtmotor.toml, 2021):
 * projektledning 900 000 + arbetsdagar 150 000 + analys 600 000, less the
 * start grant of 400 000 = 1 250 000 kr shared.
 */
export const REFERENCE_TOTAL = 900000n + 150000n + 600000n - 400000n;

/**
 * Splits `units` whole units by exact shares given as `[numerator, denominator]`
 * (adding up to 1) with the largest-remainder rule. Returns BigInt units.
 */
export function hamilton(units, shares) {
  const exact = shares.map(([n, d]) => [units * n, d]);
  const floors = exact.map(([n, d]) => n / d);
  let left = units - floors.reduce((a, b) => a + b, 0n);
  const order = exact
    .map(([n, d], i) => ({ i, n, d, rem: [n % d, d] }))
    .sort((a, b) => {
      // Larger remainder first: a.rem > b.rem ⇔ a.n·b.d > b.n·a.d on the remainders.
      const byRem = b.rem[0] * a.rem[1] - a.rem[0] * b.rem[1];
      if (byRem !== 0n) return byRem > 0n ? 1 : -1;
      const byExact = b.n * a.d - a.n * b.d;
      if (byExact !== 0n) return byExact > 0n ? 1 : -1;
      return a.i - b.i;
    });
  const out = [...floors];
  for (const { i } of order) {
    if (left === 0n) break;
    out[i] += 1n;
    left -= 1n;
  }
  return out;
}

/** Shares by population: p / Σp. */
export function perCapitaShares(pops) {
  const sum = pops.reduce((a, b) => a + b, 0n);
  return pops.map((p) => [p, sum]);
}

/** Shares of a blend: `fixedPercent` % equally, the rest by population. */
export function blendShares(pops, fixedPercent) {
  const sum = pops.reduce((a, b) => a + b, 0n);
  const n = BigInt(pops.length);
  const f = BigInt(fixedPercent);
  // f/100 · 1/n + (100−f)/100 · p/Σp = (f·Σp + (100−f)·n·p) / (100·n·Σp)
  return pops.map((p) => [f * sum + (100n - f) * n * p, 100n * n * sum]);
}

/** Formats whole kronor the Swedish way, "1 234 567 kr", with ordinary spaces (tests compare after normalising spaces). */
export function kr(units) {
  return `${units.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ")} kr`;
}
