// The calculator's build (wasm/pkg/calculator): the module <andel-calculator>
// loads. It must compute exactly what the full build computes, refuse what
// it leaves out with an AndelError, and offer nothing it cannot do.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { calculatorEntry, calculatorWasm, node } from "./builds.mjs";

const calculator = await import(calculatorEntry.href);
calculator.initSync({ module: readFileSync(calculatorWasm) });

const vectors = JSON.parse(readFileSync(new URL("../vectors/plans/expected.json", import.meta.url), "utf8"));

function codeOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof calculator.AndelError, String(err));
    return err.code;
  }
  assert.fail("expected an error, but nothing was thrown");
}

test("it exports the calculator's functions and no others", () => {
  const functions = Object.keys(calculator)
    .filter((name) => typeof calculator[name] === "function")
    .sort();
  assert.deepEqual(functions, [
    "AndelError",
    "__testPanic",
    "allocate",
    "computePlan",
    "default",
    "initSync",
    "methods",
    "referencePlan",
    "roundToUnit",
    "roundingModes",
    "validatePlan",
    "version",
  ]);
});

test("the reference plan gives the same result as the full build", () => {
  const plan = calculator.referencePlan();
  assert.deepEqual(plan, node.referencePlan());
  assert.deepEqual(calculator.computePlan(plan), node.computePlan(plan));
  assert.deepEqual(calculator.validatePlan(plan), []);
});

test("every JSON plan vector computes, or fails, as in the full build", () => {
  let compared = 0;
  for (const name of Object.keys(vectors.plans)) {
    if (!name.endsWith(".json")) continue;
    const text = readFileSync(new URL(`../vectors/plans/${name}`, import.meta.url), "utf8");
    let want;
    try {
      want = { result: node.computePlan(text, { format: "json" }) };
    } catch (err) {
      want = { code: err.code, message: err.message };
    }
    let got;
    try {
      got = { result: calculator.computePlan(text, { format: "json" }) };
    } catch (err) {
      got = { code: err.code, message: err.message };
    }
    assert.deepEqual(got, want, name);
    compared++;
  }
  assert.ok(compared >= 5, `only ${compared} JSON plans compared`);
});

test("a TOML plan is refused with invalid_plan: this build reads JSON only", () => {
  const toml = node.referencePlan({ format: "toml" });
  assert.equal(codeOf(() => calculator.computePlan(toml, { format: "toml" })), "invalid_plan");
});

test("allocate works and bad input is an AndelError", () => {
  assert.deepEqual(calculator.allocate({ total: "100", weights: [1, 1, 1] }), ["33.34", "33.33", "33.33"]);
  assert.equal(codeOf(() => calculator.allocate({ total: "10", weights: [0, 0] })), "zero_weights");
});

test("a panic becomes AndelError internal_error, and the build works again after it", () => {
  assert.equal(codeOf(() => calculator.__testPanic()), "internal_error");
  assert.deepEqual(calculator.allocate({ total: "1", weights: [1, 1] }), ["0.50", "0.50"]);
});
