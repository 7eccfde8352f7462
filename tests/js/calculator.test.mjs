// The calculator's build (wasm/pkg/calculator): the module <andel-calculator>
// loads. It must compute exactly what the full build computes, and offer
// nothing but budgets.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { calculatorEntry, calculatorWasm, node } from "./builds.mjs";

const calculator = await import(calculatorEntry.href);
calculator.initSync({ module: readFileSync(calculatorWasm) });

const vectors = JSON.parse(readFileSync(new URL("../vectors/budgets.json", import.meta.url), "utf8"));

function outcome(fn) {
  try {
    return { result: fn() };
  } catch (err) {
    return { code: err.code, message: err.message, path: err.path, isAndelError: err instanceof Error && err.name === "AndelError" };
  }
}

test("it exports the calculator's functions and no others", () => {
  const functions = Object.keys(calculator)
    .filter((name) => typeof calculator[name] === "function")
    .sort();
  assert.deepEqual(functions, [
    "AndelError",
    "__testPanic",
    "budgetToCsv",
    "computeBudget",
    "default",
    "initSync",
    "referenceBudget",
    "version",
  ]);
  assert.equal(calculator.version(), node.version());
});

test("the reference budget is the full build's and computes the same", () => {
  const budget = calculator.referenceBudget();
  assert.deepEqual(budget, node.referenceBudget());
  assert.deepEqual(calculator.computeBudget(budget), node.computeBudget(budget));
});

test("every budget vector computes, or fails, as in the full build", () => {
  assert.ok(vectors.cases.length >= 15, `only ${vectors.cases.length} budget vectors`);
  for (const c of vectors.cases) {
    const got = outcome(() => calculator.computeBudget(c.budget));
    assert.deepEqual(got, outcome(() => node.computeBudget(c.budget)), c.name);
  }
});

test("a panic becomes AndelError internal_error, and the build works again after it", () => {
  const err = outcome(() => calculator.__testPanic());
  assert.equal(err.code, "internal_error");
  assert.ok(err.isAndelError);
  assert.equal(calculator.computeBudget(calculator.referenceBudget()).total, "1250000");
});
