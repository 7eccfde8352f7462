// The JavaScript API of the Node build: argument types, result shapes,
// explain's exact fractions, roundToUnit, AndelError, and panics.
// Expected values are written by hand or computed here with BigInt
// arithmetic, never taken from andel.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { node as andel, nodeEntry } from "./builds.mjs";

const { AndelError, allocate, explain, roundToUnit } = andel;

// SCB, population 31 December 2019 (docs: /work/shared/domain.md).
const SCB_2019 = {
  Båstad: 15128,
  Falkenberg: 45367,
  Halmstad: 102767,
  Hylte: 10815,
  Laholm: 25903,
  Ljungby: 28521,
};
const NAMES = Object.keys(SCB_2019);
const POPULATION = Object.values(SCB_2019);

/** Calls `fn` and returns what it threw, failing if it returned. */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an error, but nothing was thrown");
}

/** Asserts that `fn` throws an AndelError with `code`; returns it. */
function throwsCode(fn, code) {
  const err = thrown(fn);
  assert.ok(err instanceof AndelError, `expected an AndelError, got ${err?.name}: ${err?.message}`);
  assert.equal(err.code, code, err.message);
  return err;
}

function gcd(a, b) {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n/d in lowest terms as andel writes fractions: "n/d", or "n" when d is 1. */
function fraction(n, d) {
  const g = gcd(n, d) || 1n;
  [n, d] = [n / g, d / g];
  return d === 1n ? `${n}` : `${n}/${d}`;
}

/** A decimal string as an exact fraction [m, 10^s]. */
function decimal(text) {
  const negative = text.startsWith("-");
  const digits = text.replace(/^[-+]/, "");
  const [whole, frac = ""] = digits.split(".");
  const m = BigInt(whole + frac) * (negative ? -1n : 1n);
  return [m, 10n ** BigInt(frac.length)];
}

describe("weights", () => {
  test("strings, numbers and BigInts give the same amounts", () => {
    const asStrings = allocate({ total: "1000000", unit: "1", weights: POPULATION.map(String) });
    const asNumbers = allocate({ total: "1000000", unit: "1", weights: POPULATION });
    const asBigInts = allocate({ total: "1000000", unit: "1", weights: POPULATION.map(BigInt) });
    assert.deepEqual(asNumbers, asStrings);
    assert.deepEqual(asBigInts, asStrings);
    // Each amount is within one unit of the exact quota and they add up.
    const sum = POPULATION.reduce((a, b) => a + b, 0);
    let total = 0n;
    asStrings.forEach((amount, i) => {
      const units = BigInt(amount);
      total += units;
      const floor = (1000000n * BigInt(POPULATION[i])) / BigInt(sum);
      assert.ok(units === floor || units === floor + 1n, `${NAMES[i]}: ${amount}`);
    });
    assert.equal(total, 1000000n);
  });

  test("a number weight is read through its shortest text, exactly", () => {
    const parts = explain({ total: "3", unit: "1", weights: [0.1, 0.2, 1e21, 1.5e-7] }).parts;
    assert.deepEqual(
      parts.map((p) => p.weight),
      ["0.1", "0.2", "1000000000000000000000", "0.00000015"],
    );
    // 0.1 + 0.2 as floats is 0.30000000000000004; as read, 0.1 and 0.2 are
    // exactly one and two tenths, so the shares are exactly 1 : 2.
    const [a, b] = explain({ total: "3", unit: "1", weights: [0.1, 0.2] }).parts;
    assert.equal(a.share, "1/3");
    assert.equal(b.share, "2/3");
  });

  test("mixed kinds in one list", () => {
    assert.deepEqual(allocate({ total: "6", unit: "1", weights: ["1", 2, 3n] }), ["1", "2", "3"]);
  });

  // allocate hands a list to WebAssembly as one text with a weight per line;
  // a weight with a line break of its own must stay one (bad) weight.
  test("a weight text with a line break is still one weight", () => {
    for (const weights of [["1\n1", "1"], ["1", "2\n3"], ["\n1\n1"]]) {
      const err = throwsCode(() => allocate({ total: "10", unit: "1", weights }), "invalid_number");
      const bad = weights.findIndex((w) => w.includes("\n"));
      assert.match(err.message, new RegExp(`^weight ${bad}: `));
    }
    // Surrounding white space is allowed around a number, a line break too:
    // two weights, two amounts.
    assert.deepEqual(allocate({ total: "10", unit: "1", weights: ["1", "1\n"] }), ["5", "5"]);
  });

  test("a long list gives one amount per weight, in order", () => {
    // 10 000 weights 1, 2, 1, 2, …: a third of 30 000 units for each 1, two thirds for each 2.
    const weights = Array.from({ length: 10000 }, (_, i) => (i % 2 === 0 ? "1" : "2"));
    const amounts = allocate({ total: "30000", unit: "1", weights });
    assert.equal(amounts.length, 10000);
    assert.deepEqual([...new Set(amounts.filter((_, i) => i % 2 === 0))], ["2"]);
    assert.deepEqual([...new Set(amounts.filter((_, i) => i % 2 === 1))], ["4"]);
  });

  for (const bad of [NaN, Infinity, -Infinity]) {
    test(`${bad} is refused as a weight`, () => {
      const err = throwsCode(() => allocate({ total: "10", weights: [1, bad] }), "invalid_number");
      assert.match(err.message, /^weight 1: /);
    });
  }

  test("NaN is refused as the first divisor", () => {
    throwsCode(
      () => allocate({ total: "10", unit: "1", method: "sainte_lague", firstDivisor: NaN, weights: [1] }),
      "invalid_number",
    );
  });

  for (const [label, bad] of [
    ["null", null],
    ["undefined", undefined],
    ["a boolean", true],
    ["an object", {}],
    ["a symbol", Symbol("w")],
  ]) {
    test(`${label} is refused as a weight`, () => {
      throwsCode(() => allocate({ total: "10", weights: [1, bad] }), "invalid_number");
    });
  }

  test("text weights the core refuses are refused, named when names are given", () => {
    const err = throwsCode(
      () => allocate({ total: "10", weights: ["1", "1,5"], names: ["Båstad", "Hylte"] }),
      "invalid_number",
    );
    assert.match(err.message, /^weight 1 \(Hylte\): "1,5"/);
  });

  test("a negative weight is named in allocate and explain", () => {
    for (const fn of [allocate, explain]) {
      const err = throwsCode(() => fn({ total: "10", weights: { Båstad: 1, Hylte: -2 } }), "negative_weight");
      assert.match(err.message, /weight at index 1 \(Hylte\)/);
    }
  });
});

describe("money is never a JS number", () => {
  for (const [field, options] of [
    ["total", { total: 100, weights: [1] }],
    ["total", { total: 12.5, weights: [1] }],
    ["unit", { total: "100", unit: 0.01, weights: [1] }],
    ["unit", { total: "100", unit: 1, weights: [1] }],
  ]) {
    test(`${field} ${options[field]} as a number is refused`, () => {
      const err = throwsCode(() => allocate(options), "invalid_number");
      assert.ok(err.message.startsWith(`${field}: `), err.message);
      assert.match(err.message, /decimal string/);
    });
  }

  test("roundToUnit refuses a number amount or unit", () => {
    throwsCode(() => roundToUnit(12.5, "1"), "invalid_number");
    throwsCode(() => roundToUnit("12.5", 1), "invalid_number");
  });

  test("BigInt money is accepted", () => {
    assert.deepEqual(allocate({ total: 100n, unit: 1n, weights: [1, 1, 1] }), ["34", "33", "33"]);
    assert.deepEqual(allocate({ total: 100n, weights: [1, 1, 1] }), ["33.34", "33.33", "33.33"]);
  });

  test("a refused value waits for an earlier bad text, in the shared order", () => {
    const err = throwsCode(() => allocate({ total: "ten", weights: [NaN] }), "invalid_number");
    assert.match(err.message, /^total: "ten"/);
    const err2 = throwsCode(() => allocate({ total: "10", unit: "0,01", weights: [null] }), "invalid_number");
    assert.match(err2.message, /^unit: "0,01"/);
  });
});

describe("result shapes", () => {
  test("a list of weights gives a list, in order, also with names", () => {
    const out = allocate({ total: "100", weights: ["1", "1", "1"], names: ["a", "b", "c"] });
    assert.deepEqual(out, ["33.34", "33.33", "33.33"]);
  });

  test("an object of weights gives an object with the same keys in the same order", () => {
    const weights = { Ljungby: 28521, Båstad: 15128, Halmstad: 102767, Hylte: 10815 };
    const out = allocate({ total: "1000", unit: "1", weights });
    assert.deepEqual(Object.keys(out), ["Ljungby", "Båstad", "Halmstad", "Hylte"]);
    const listed = allocate({ total: "1000", unit: "1", weights: Object.values(weights) });
    assert.deepEqual(Object.values(out), listed);
  });

  test("keys keep the order JavaScript gives them, even integer-like keys", () => {
    // JavaScript enumerates integer-like keys first, in numeric order: the
    // result follows the same order as Object.keys of the weights.
    const weights = { b: 1, 10: 1, 2: 1, __proto__x: 1 };
    const out = allocate({ total: "4", unit: "1", weights });
    assert.deepEqual(Object.keys(out), Object.keys(weights));
    assert.deepEqual(Object.keys(out), ["2", "10", "b", "__proto__x"]);
  });

  test('a weight named "__proto__" is an ordinary key', () => {
    const weights = JSON.parse('{"__proto__": 1, "x": 3}');
    const out = allocate({ total: "4", unit: "1", weights });
    assert.deepEqual(Object.entries(out), [
      ["__proto__", "1"],
      ["x", "3"],
    ]);
  });

  test("names must pair with the weights", () => {
    throwsCode(() => allocate({ total: "1", weights: [1, 2], names: ["a"] }), "names_mismatch");
  });
});

describe("invalid arguments", () => {
  const cases = [
    ["no options", () => allocate()],
    ["options not an object", () => allocate("100")],
    ["an unknown option (a typo must not fall back to a default)", () => allocate({ total: "1", weights: [1], units: "1" })],
    ["no total", () => allocate({ weights: [1] })],
    ["weights a string", () => allocate({ total: "1", weights: "1,2" })],
    ["weights a Map", () => allocate({ total: "1", weights: new Map([["a", 1]]) })],
    ["names with object weights", () => allocate({ total: "1", weights: { a: 1 }, names: ["a"] })],
    ["names not strings", () => allocate({ total: "1", weights: [1], names: [1] })],
    ["method not a string", () => allocate({ total: "1", weights: [1], method: 1 })],
    ["rounding mode not a string", () => roundToUnit("1", "1", 2)],
  ];
  for (const [label, fn] of cases) {
    test(label, () => {
      throwsCode(fn, "invalid_argument");
    });
  }

  test("an exception from the caller's own getter passes through unchanged", () => {
    const mine = new Error("from the caller's getter");
    const options = {
      weights: [1],
      get total() {
        throw mine;
      },
    };
    assert.equal(thrown(() => allocate(options)), mine);
    const weights = {
      get a() {
        throw mine;
      },
    };
    assert.equal(thrown(() => allocate({ total: "1", weights })), mine);
    assert.deepEqual(allocate({ total: "1", weights: [1, 1] }), ["0.50", "0.50"]);
  });

  test("an unknown method name is the core's unknown_method", () => {
    throwsCode(() => allocate({ total: "1", weights: [1], method: "hare" }), "unknown_method");
  });
});

describe("explain", () => {
  test("the six municipalities: exact shares, quotas and amounts", () => {
    const total = "1000000";
    const out = explain({ total, unit: "1", weights: SCB_2019 });
    assert.equal(out.total, "1000000");
    assert.equal(out.unit, "1");
    assert.equal(out.method, "largest_remainder");
    assert.equal(out.firstDivisor, null);
    assert.deepEqual(
      out.parts.map((p) => p.name),
      NAMES,
    );
    const sum = BigInt(POPULATION.reduce((a, b) => a + b, 0));
    assert.equal(sum, 228501n);
    let amounts = 0n;
    out.parts.forEach((part, i) => {
      const w = BigInt(POPULATION[i]);
      assert.deepEqual(Object.keys(part), [
        "name",
        "weight",
        "share",
        "quota",
        "quotaDecimal",
        "amount",
        "leftoverUnits",
      ]);
      assert.equal(part.weight, String(POPULATION[i]));
      assert.equal(part.share, fraction(w, sum));
      assert.equal(part.quota, fraction(1000000n * w, sum));
      const amount = BigInt(part.amount);
      assert.equal(part.leftoverUnits, Number(amount - (1000000n * w) / sum));
      amounts += amount;
    });
    assert.equal(amounts, 1000000n);
    // The figure the core's own documentation gives for Halmstad.
    assert.equal(out.parts[2].quota, "14681000000/32643");
    assert.equal(out.parts[2].amount, "449744");
  });

  test("a decimal total: the quota is in money, and quotaDecimal is within half a last digit", () => {
    const out = explain({ total: "1234.56", weights: ["1", "2", "4"], names: ["a", "b", "c"] });
    assert.equal(out.unit, "0.01");
    const [tm, ts] = decimal("1234.56");
    out.parts.forEach((part, i) => {
      const w = [1n, 2n, 4n][i];
      const [qn, qd] = [tm * w, ts * 7n];
      assert.equal(part.share, fraction(w, 7n));
      assert.equal(part.quota, fraction(qn, qd));
      const [dm, ds] = decimal(part.quotaDecimal);
      // |dm/ds - qn/qd| <= 1/(2·ds), with at most 29 significant digits.
      const diff = dm * qd - qn * ds;
      assert.ok(2n * (diff < 0n ? -diff : diff) <= qd, `${part.quotaDecimal} vs ${part.quota}`);
      // A Decimal holds 28 or 29 significant digits (a 96-bit mantissa).
      assert.ok(part.quotaDecimal.replace(/[-.]/g, "").replace(/^0+/, "").length <= 29);
      assert.ok(ds >= 10n ** 20n, "the quota is given with many decimals");
    });
    assert.deepEqual(
      out.parts.map((p) => p.amount),
      ["176.37", "352.73", "705.46"],
    );
  });

  test("Sainte-Laguë with a first divisor, unnamed weights", () => {
    const out = explain({
      total: "10",
      unit: "1",
      method: "sainte_lague",
      firstDivisor: "1.2",
      weights: [5100, 2900, 1400, 600],
    });
    assert.equal(out.method, "sainte_lague");
    assert.equal(out.firstDivisor, "1.2");
    assert.deepEqual(
      out.parts.map((p) => p.name),
      [null, null, null, null],
    );
    // The core's documented example: 5, 3, 1, 1 seats.
    assert.deepEqual(
      out.parts.map((p) => p.amount),
      ["5", "3", "1", "1"],
    );
    assert.equal(typeof out.parts[0].leftoverUnits, "number");
  });
});

describe("roundToUnit", () => {
  const table = [
    [["12.50", "1", "half_away_from_zero"], "13"],
    [["12.50", "1", "half_even"], "12"],
    [["13.50", "1", "half_even"], "14"],
    [["-2.5", "1", "half_away_from_zero"], "-3"],
    [["-0.07", "0.05", "down"], "-0.10"],
    [["-0.07", "0.05", "up"], "-0.05"],
    [["2.4", "1", "away_from_zero"], "3"],
    [["-2.6", "1", "toward_zero"], "-2"],
    [["1499", "1000", "half_even"], "1000"],
    [[12n, "0.01", "up"], "12.00"],
    [["2.005"], "2.01"], // defaults: unit 0.01, half away from zero
    [["2.005", null, null], "2.01"],
  ];
  for (const [args, want] of table) {
    test(`${args.map(String).join(", ")} → ${want}`, () => {
      assert.equal(roundToUnit(...args), want);
    });
  }

  test("errors", () => {
    throwsCode(() => roundToUnit("1", "1", "half_up"), "unknown_rounding");
    throwsCode(() => roundToUnit("1", "0"), "invalid_unit");
    throwsCode(() => roundToUnit("1,5"), "invalid_number");
  });
});

describe("names and version", () => {
  test("methods and rounding modes", () => {
    assert.deepEqual(andel.methods(), [
      "largest_remainder",
      "largest_ratio",
      "in_order",
      "dhondt",
      "sainte_lague",
      "huntington_hill",
    ]);
    assert.deepEqual(andel.roundingModes(), [
      "half_away_from_zero",
      "half_even",
      "up",
      "down",
      "toward_zero",
      "away_from_zero",
    ]);
    for (const method of andel.methods()) {
      assert.deepEqual(allocate({ total: "3", unit: "1", method, weights: [1, 1, 1] }), ["1", "1", "1"]);
    }
  });

  test("version is the workspace version", () => {
    const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
    const workspace = cargo.slice(cargo.indexOf("[workspace.package]"));
    const want = workspace.match(/^version\s*=\s*"([^"]+)"/m)[1];
    assert.equal(andel.version(), want);
  });
});

describe("AndelError", () => {
  test("is a real Error subclass with name and code", () => {
    const err = new AndelError("negative_weight", "weight 1 is negative");
    assert.ok(err instanceof Error);
    assert.ok(err instanceof AndelError);
    assert.equal(err.name, "AndelError");
    assert.equal(err.code, "negative_weight");
    assert.equal(err.message, "weight 1 is negative");
    assert.match(err.stack, /^AndelError: weight 1 is negative/);
    assert.equal(Object.prototype.toString.call(err), "[object Error]");
  });

  test("what the functions throw is an instance of the exported class", () => {
    const err = thrown(() => allocate({ total: "10", weights: [] }));
    assert.equal(err.constructor, AndelError);
    assert.ok(err instanceof Error);
    assert.equal(err.name, "AndelError");
    assert.equal(err.code, "empty_weights");
    assert.equal(err.message, "no weights given: at least one weight is needed");
  });

  test("import and require give the same class", async () => {
    const imported = await import(nodeEntry.href);
    assert.equal(imported.AndelError, AndelError);
    assert.equal(imported.allocate, allocate);
    const err = thrown(() => imported.allocate({ total: "1", weights: [-1] }));
    assert.ok(err instanceof AndelError);
    assert.equal(err.code, "negative_weight");
  });
});

describe("a panic in Rust", () => {
  test("reaches JavaScript as AndelError internal_error, and andel works again after it", () => {
    for (let round = 0; round < 3; round++) {
      const err = throwsCode(() => andel.__testPanic(), "internal_error");
      assert.ok(err.cause instanceof WebAssembly.RuntimeError, `cause: ${err.cause}`);
      assert.match(err.message, /deliberate panic for the test suite/);
      assert.match(err.message, /restarted/);
      // The fresh instance computes and reports core errors as before.
      assert.deepEqual(allocate({ total: "100", weights: [1, 1, 1] }), ["33.34", "33.33", "33.33"]);
      throwsCode(() => allocate({ total: "10", weights: [1, -1] }), "negative_weight");
    }
  });
});
