// Replays the bad-input catalogue tests/vectors/errors.json on the Node
// build, as core/tests/errors_catalogue.rs does through Rust and
// tests/python/test_errors_catalogue.py through Python: every case must
// throw an AndelError with the same stable code (and, for plans, the same
// path). The format is in tests/vectors/errors.md. A missing or short file
// fails; it never skips.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { node } from "./builds.mjs";

const { AndelError, allocate, computePlan } = node;
const file = new URL("../vectors/errors.json", import.meta.url);
/** Fewer cases than this means the file was truncated or replaced. */
const MIN_CASES = 40;

function loadCases() {
  const doc = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(doc.format, 1, "unknown catalogue format");
  assert.ok(Array.isArray(doc.cases), "`cases` must be an array");
  assert.ok(doc.cases.length >= MIN_CASES, `only ${doc.cases.length} cases (at least ${MIN_CASES} expected)`);
  return doc.cases;
}

let cases = [];
let loadError = null;
try {
  cases = loadCases();
} catch (err) {
  loadError = err;
}

test("the error catalogue is there, with unique names", () => {
  if (loadError) throw loadError;
  const names = cases.map((c) => c.name);
  assert.equal(new Set(names).size, names.length, "duplicate case names");
});

/** The plan's text, followed by its padding when the case has one. */
function planText(c) {
  return c.pad ? c.text + c.pad.repeat.repeat(c.pad.times) : c.text;
}

/** Calls andel the way the case says; returns only if andel accepted it. */
function run(c) {
  if (c.call === "allocate") {
    const { total, weights, unit, method, first_divisor: firstDivisor } = c.args;
    const options = { total, weights: [...weights] };
    if (unit !== undefined) options.unit = unit;
    if (method !== undefined) options.method = method;
    if (firstDivisor !== undefined) options.firstDivisor = firstDivisor;
    allocate(options);
  } else if (c.call === "plan") {
    computePlan(planText(c), { format: c.format });
  } else {
    throw new Error(`unknown call ${c.call}`);
  }
}

for (const c of cases) {
  test(`${c.call}: ${c.name}`, () => {
    let caught = null;
    try {
      run(c);
    } catch (err) {
      caught = err;
    }
    assert.ok(caught !== null, `accepted, expected ${c.error}`);
    assert.ok(caught instanceof AndelError, `not an AndelError: ${caught}`);
    assert.equal(caught.code, c.error, caught.message);
    if ("path" in c) assert.equal(caught.path, c.path, caught.message);
  });
}

test("AndelErrorCode in andel.d.ts is errorCodes(): core's list and the wrapper's two", () => {
  const types = readFileSync(new URL("../../wasm/js/andel.d.ts", import.meta.url), "utf8");
  const start = types.indexOf("export type AndelErrorCode =");
  assert.ok(start >= 0, "AndelErrorCode in andel.d.ts");
  const union = types.slice(start, types.indexOf(";", start));
  // The union's members, without its comments.
  const inTypes = [...union.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "").matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  const codes = node.errorCodes();
  assert.deepEqual(inTypes, codes);
  assert.deepEqual(codes.slice(-2), ["invalid_argument", "not_initialized"]);
  // Every code the catalogue expects is one andel can throw.
  for (const c of cases) assert.ok(codes.includes(c.error), `${c.name}: ${c.error}`);
});
