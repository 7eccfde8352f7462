// allocateUnits: whole-number weights in typed arrays (BigInt64Array, or a
// Float64Array of exact safe integers), counts of units back as a
// BigInt64Array. Replays every case of tests/vectors/allocate.json whose
// weights are all whole numbers, on both builds: the expected amounts come
// from the independent reference implementation, turned into units here with
// BigInt arithmetic, never taken from andel.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { loadWeb, node } from "./builds.mjs";

const data = JSON.parse(readFileSync(new URL("../vectors/allocate.json", import.meta.url), "utf8"));
const WHOLE = /^-?\d+$/;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** The cases whose weights are whole numbers that fit a BigInt64Array. */
const wholeCases = data.cases.filter(
  (c) =>
    c.weights.every((w) => WHOLE.test(w) && BigInt(w) >= I64_MIN && BigInt(w) <= I64_MAX) &&
    c.error !== "names_mismatch",
);

/** A plain decimal text as a BigInt at `scale` decimals (`"12.5"`, 2 → 1250n). */
function scaled(text, scale) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  assert.ok(match, `not a plain decimal: ${text}`);
  const [, sign, whole, fraction = ""] = match;
  assert.ok(fraction.length <= scale);
  const digits = BigInt(whole + fraction.padEnd(scale, "0"));
  return sign ? -digits : digits;
}

/** `amount / unit` exactly, as a BigInt. */
function unitsOf(amount, unit) {
  const decimals = (t) => (t.includes(".") ? t.length - t.indexOf(".") - 1 : 0);
  const scale = Math.max(decimals(amount), decimals(unit));
  const a = scaled(amount, scale);
  const u = scaled(unit, scale);
  assert.equal(a % u, 0n, `${amount} is not a whole number of ${unit}`);
  return a / u;
}

function optionsOf(c, weights) {
  const options = { total: c.total, weights };
  if ("unit" in c) options.unit = c.unit;
  if ("method" in c) options.method = c.method;
  if ("first_divisor" in c) options.firstDivisor = c.first_divisor;
  return options;
}

function throwsCode(fn, AndelError, code) {
  let thrown = null;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== null, `expected AndelError ${code}, but nothing was thrown`);
  assert.ok(thrown instanceof AndelError, `expected an AndelError, got ${thrown?.name}: ${thrown?.message}`);
  assert.equal(thrown.code, code, thrown.message);
  return thrown;
}

test("most of the shared vectors have whole-number weights to replay", () => {
  assert.ok(wholeCases.length >= 100, `only ${wholeCases.length} cases`);
  assert.ok(wholeCases.filter((c) => "expected" in c).length >= 80);
});

for (const [buildName, load] of [
  ["node", async () => node],
  ["web", loadWeb],
]) {
  describe(`allocateUnits on the ${buildName} build`, async () => {
    const andel = await load();
    const { AndelError, allocateUnits } = andel;

    for (const c of wholeCases) {
      test(`vector ${c.name}`, () => {
        const bigints = BigInt64Array.from(c.weights, (w) => BigInt(w));
        const safe = c.weights.every((w) => Number.isSafeInteger(Number(w)));
        const floats = safe ? Float64Array.from(c.weights, Number) : null;
        if ("error" in c) {
          throwsCode(() => allocateUnits(optionsOf(c, bigints)), AndelError, c.error);
          if (floats) throwsCode(() => allocateUnits(optionsOf(c, floats)), AndelError, c.error);
          return;
        }
        const units = c.expected.map((a) => unitsOf(a, c.unit ?? "0.01"));
        if (units.some((u) => u < I64_MIN || u > I64_MAX)) {
          // Units beyond 64 bits: the split is refused, never wrapped.
          throwsCode(() => allocateUnits(optionsOf(c, bigints)), AndelError, "overflow");
          return;
        }
        const want = BigInt64Array.from(units);
        const got = allocateUnits(optionsOf(c, bigints));
        assert.ok(got instanceof BigInt64Array);
        assert.deepEqual(Array.from(got), Array.from(want));
        if (floats) assert.deepEqual(Array.from(allocateUnits(optionsOf(c, floats))), Array.from(want));
      });
    }

    test("the units are allocate's amounts over the unit", () => {
      const population = [15128, 45367, 102767, 10815, 25903, 28521];
      const got = allocateUnits({ total: "1000000", unit: "1", weights: Float64Array.from(population) });
      assert.deepEqual(Array.from(got), [66205n, 198542n, 449744n, 47330n, 113361n, 124818n]);
      const ore = allocateUnits({ total: -100n, weights: BigInt64Array.of(1n, 1n, 1n) });
      assert.deepEqual(Array.from(ore), [-3334n, -3333n, -3333n]);
      const seats = allocateUnits({
        total: "10",
        unit: "1",
        method: "sainte_lague",
        firstDivisor: "1.2",
        weights: BigInt64Array.of(5100n, 2900n, 1400n, 600n),
      });
      assert.deepEqual(Array.from(seats), [5n, 3n, 1n, 1n]);
    });

    test("a Float64Array must hold exact safe integers", () => {
      for (const bad of [0.5, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), 1e300]) {
        const err = throwsCode(
          () => allocateUnits({ total: "1", weights: Float64Array.of(1, bad) }),
          AndelError,
          "invalid_number",
        );
        assert.match(err.message, /weight 1/);
      }
      // -0 is 0; 2^53 - 1 is the largest safe integer.
      assert.deepEqual(
        Array.from(allocateUnits({ total: "3", unit: "1", weights: Float64Array.of(-0, 2 ** 53 - 1) })),
        [0n, 3n],
      );
      // The numbers in the shared order: total, unit, first divisor, the
      // weights, and only then the method.
      throwsCode(
        () => allocateUnits({ total: "x", weights: Float64Array.of(0.5) }),
        AndelError,
        "invalid_number",
      );
      throwsCode(
        () => allocateUnits({ total: "1", weights: Float64Array.of(0.5), method: "hare" }),
        AndelError,
        "invalid_number",
      );
      throwsCode(
        () => allocateUnits({ total: "1", weights: Float64Array.of(1), method: "hare" }),
        AndelError,
        "unknown_method",
      );
    });

    test("a call shaped wrongly is invalid_argument", () => {
      for (const options of [
        undefined,
        { total: "1", weights: [1, 2] },
        { total: "1", weights: new Int32Array([1]) },
        { total: "1", weights: new BigUint64Array([1n]) },
        { weights: new BigInt64Array(1) },
        { total: "1", weights: new BigInt64Array(1), names: ["a"] },
        { total: "1", weights: new BigInt64Array(1), method: 3 },
      ]) {
        throwsCode(() => allocateUnits(options), AndelError, "invalid_argument");
      }
      // Money is never a JS number.
      throwsCode(() => allocateUnits({ total: 1, weights: new BigInt64Array(1) }), AndelError, "invalid_number");
    });

    test("a part beyond 64 bits of units is overflow", () => {
      throwsCode(
        () => allocateUnits({ total: "1000000000000000000000", unit: "1", weights: BigInt64Array.of(1n) }),
        AndelError,
        "overflow",
      );
    });
  });
}
