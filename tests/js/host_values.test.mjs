// Replays tests/vectors/host_values.json on the Node build with real
// JavaScript values: a {"float": t} is Number(t), an {"int": t} is
// BigInt(t). Rust (core/tests/host_values.rs) and Python
// (tests/python/test_host_values.py) replay the same file, so a float or an
// integer is read, or refused, the same way and in the same order
// everywhere. JavaScript refuses every host value as AndelError
// `invalid_number`, whose message names the field that lost. A missing or
// short file fails; it never skips.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { node } from "./builds.mjs";

const { AndelError, allocate } = node;
const MIN_CASES = 12;
const doc = JSON.parse(readFileSync(new URL("../vectors/host_values.json", import.meta.url), "utf8"));

test("the host-value vectors are there", () => {
  assert.equal(doc.format, 1);
  assert.ok(doc.cases.length >= MIN_CASES, `only ${doc.cases.length} cases`);
});

/** A vector value as the JavaScript value it stands for. */
function value(v) {
  if (typeof v === "string") return v;
  return "float" in v ? Number(v.float) : BigInt(v.int);
}

function call(args) {
  const options = { total: value(args.total), weights: args.weights.map(value) };
  if ("unit" in args) options.unit = value(args.unit);
  if ("first_divisor" in args) options.firstDivisor = value(args.first_divisor);
  if ("method" in args) options.method = args.method;
  if ("names" in args) options.names = args.names;
  return allocate(options);
}

/** The vectors name the first divisor as Python does. */
const jsField = (field) => (field === "first_divisor" ? "firstDivisor" : field);

for (const c of doc.cases) {
  test(`host values: ${c.name}`, () => {
    if (c.expected) {
      assert.deepEqual(call(c.args), c.expected);
      return;
    }
    assert.throws(
      () => call(c.args),
      (err) => {
        assert.ok(err instanceof AndelError, String(err));
        assert.equal(err.code, c.error ?? "invalid_number");
        if (c.field) assert.ok(err.message.startsWith(`${jsField(c.field)}:`), err.message);
        return true;
      },
    );
  });
}
