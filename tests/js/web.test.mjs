// The web build (ES module, `--target web`) loaded in Node the way a page
// would load it, except that the .wasm bytes are read from disk instead of
// fetched.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { node, webEntry, webWasm } from "./builds.mjs";

/** A fresh copy of the wrapper module (its own "initialised" state). */
async function freshWeb(tag) {
  return import(`${webEntry.href}?${tag}`);
}

function codeOf(fn) {
  try {
    fn();
  } catch (err) {
    return [err.constructor.name, err.code];
  }
  assert.fail("expected an error, but nothing was thrown");
}

test("before init() every function throws AndelError not_initialized", async () => {
  const web = await freshWeb("before-init");
  for (const call of [
    () => web.allocate({ total: "1", weights: [1] }),
    () => web.explain({ total: "1", weights: [1] }),
    () => web.roundToUnit("1"),
    () => web.methods(),
    () => web.version(),
    () => web.computePlan({}),
    () => web.explainPlan({}, "a", 2025),
    () => web.validatePlan({}),
    () => web.referencePlan(),
    () => web.planSchema(),
    () => web.planToJson({}),
  ]) {
    let err = null;
    try {
      call();
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof web.AndelError, String(err));
    assert.equal(err.code, "not_initialized");
  }
});

test("await init({ module_or_path: bytes }) then allocate, explain, roundToUnit", async () => {
  const web = await freshWeb("async-init");
  await web.default({ module_or_path: readFileSync(webWasm) });
  assert.deepEqual(web.allocate({ total: "100", weights: [1, 1, 1] }), ["33.34", "33.33", "33.33"]);
  assert.deepEqual(web.allocate({ total: "10", unit: "1", weights: { a: 1, b: 2 } }), { a: "3", b: "7" });
  const out = web.explain({ total: "10", unit: "1", weights: { a: 1, b: 2 } });
  assert.equal(out.parts[1].quota, "20/3");
  assert.equal(web.roundToUnit("12.50", "1", "half_even"), "12");
  // Calling init again does nothing and keeps working.
  await web.default({ module_or_path: readFileSync(webWasm) });
  assert.equal(web.roundToUnit("0.075", "0.05"), "0.10");
});

test("initSync({ module }) with a compiled WebAssembly.Module", async () => {
  const web = await freshWeb("init-sync");
  web.initSync({ module: new WebAssembly.Module(readFileSync(webWasm)) });
  assert.deepEqual(web.methods(), node.methods());
  assert.equal(web.version(), node.version());
});

test("errors are the web build's AndelError with the core's codes", async () => {
  const web = await freshWeb("errors");
  web.initSync({ module: readFileSync(webWasm) });
  assert.deepEqual(
    codeOf(() => web.allocate({ total: "10.015", weights: [1] })),
    ["AndelError", "not_multiple_of_unit"],
  );
  assert.deepEqual(codeOf(() => web.allocate({ total: 10, weights: [1] })), ["AndelError", "invalid_number"]);
  let err = null;
  try {
    web.allocate({ total: "1", weights: [] });
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof web.AndelError);
  assert.ok(err instanceof Error);
  assert.equal(err.name, "AndelError");
});

test("the web and Node builds give the same results", async () => {
  const web = await freshWeb("same");
  web.initSync({ module: readFileSync(webWasm) });
  const options = {
    total: "1000000.00",
    weights: { Båstad: 15128, Falkenberg: 45367, Halmstad: 102767, Hylte: 10815, Laholm: 25903, Ljungby: 28521 },
  };
  for (const method of node.methods()) {
    assert.deepEqual(web.allocate({ ...options, method }), node.allocate({ ...options, method }));
    assert.deepEqual(web.explain({ ...options, method }), node.explain({ ...options, method }));
  }
});

test("a panic becomes AndelError internal_error, and the web build works again after it", async () => {
  const web = await freshWeb("panic");
  web.initSync({ module: readFileSync(webWasm) });
  let err = null;
  try {
    web.__testPanic();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof web.AndelError, String(err));
  assert.equal(err.code, "internal_error");
  assert.ok(err.cause instanceof WebAssembly.RuntimeError);
  assert.deepEqual(web.allocate({ total: "100", weights: [1, 1, 1] }), ["33.34", "33.33", "33.33"]);
});
