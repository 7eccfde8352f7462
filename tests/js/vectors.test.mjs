// Runs every case of the shared vectors (tests/vectors/allocate.json, format
// in tests/vectors/README.md) against the Node build and the web build.
// The expected values come from the independent reference implementation,
// never from andel itself. A missing or empty vectors file fails.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { loadWeb, node } from "./builds.mjs";

const vectorsFile = new URL("../vectors/allocate.json", import.meta.url);

function loadVectors() {
  const data = JSON.parse(readFileSync(vectorsFile, "utf8"));
  assert.equal(data.format, 1, "unknown vectors format");
  assert.ok(Array.isArray(data.cases) && data.cases.length > 0, "no cases in the vectors file");
  return data.cases;
}

let cases = [];
let loadError = null;
try {
  cases = loadVectors();
} catch (err) {
  loadError = err;
}

test("the shared vectors file is there and has cases", () => {
  if (loadError) throw loadError;
  assert.ok(cases.length > 0);
});

/** The options of `allocate` for a case, leaving out what the case leaves out. */
function optionsOf(c) {
  const options = { total: c.total, weights: c.weights };
  if ("unit" in c) options.unit = c.unit;
  if ("method" in c) options.method = c.method;
  if ("first_divisor" in c) options.firstDivisor = c.first_divisor;
  if ("names" in c) options.names = c.names;
  return options;
}

function expectError(fn, AndelError, code) {
  let thrown = null;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== null, `expected AndelError ${code}, but nothing was thrown`);
  assert.ok(thrown instanceof AndelError, `expected an AndelError, got ${thrown?.name}: ${thrown?.message}`);
  assert.equal(thrown.code, code, thrown.message);
}

const builds = [
  ["node", async () => node],
  ["web", loadWeb],
];

for (const [buildName, load] of builds) {
  describe(`vectors on the ${buildName} build`, async () => {
    const andel = await load();
    for (const c of cases) {
      test(c.name, () => {
        const options = optionsOf(c);
        if ("error" in c) {
          assert.ok(!("expected" in c), "a case has either expected or error");
          expectError(() => andel.allocate(options), andel.AndelError, c.error);
          expectError(() => andel.explain(options), andel.AndelError, c.error);
          return;
        }
        assert.deepEqual(andel.allocate(options), c.expected);
        // explain hands out the same amounts.
        const parts = andel.explain(options).parts;
        assert.deepEqual(
          parts.map((p) => p.amount),
          c.expected,
        );
        // Named weights as an object give the same amounts under the names.
        if (c.names && new Set(c.names).size === c.names.length) {
          const weights = Object.fromEntries(c.names.map((n, i) => [n, c.weights[i]]));
          const keyed = andel.allocate({ ...options, names: undefined, weights });
          assert.deepEqual(keyed, Object.fromEntries(c.names.map((n, i) => [n, c.expected[i]])));
        }
      });
    }
  });
}
