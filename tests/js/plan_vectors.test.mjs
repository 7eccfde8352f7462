// Replays the shared plan vectors (tests/vectors/plans/, format in its
// README.md) on the Node build and the web build: each plan as the text of
// its file, and again as a JavaScript object. The expected figures and error
// places come from the independent reference (tests/vectors/plan_reference.py
// and make_plans.py), never from andel. A missing, short or inconsistent
// vectors folder fails.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { describe, test } from "node:test";
import { loadWeb, node } from "./builds.mjs";

const folder = new URL("../vectors/plans/", import.meta.url);
/** Fewer plans than this means the folder was truncated or replaced. */
const MIN_PLANS = 30;

function loadVectors() {
  const doc = JSON.parse(readFileSync(new URL("expected.json", folder), "utf8"));
  assert.equal(doc.format, 1, "unknown plan vector format");
  const plans = doc.plans;
  assert.ok(plans && typeof plans === "object", "`plans` must be an object");
  const names = Object.keys(plans).sort();
  assert.ok(names.length >= MIN_PLANS, `only ${names.length} plans (at least ${MIN_PLANS} expected)`);
  const files = readdirSync(folder)
    .filter((n) => (n.endsWith(".toml") || n.endsWith(".json")) && n !== "expected.json")
    .sort();
  assert.deepEqual(files, names, "plan files and expected.json entries differ");
  return names.map((name) => ({
    name,
    want: plans[name],
    text: readFileSync(new URL(name, folder), "utf8"),
    format: name.endsWith(".toml") ? "toml" : "json",
  }));
}

let vectors = [];
let loadError = null;
try {
  vectors = loadVectors();
} catch (err) {
  loadError = err;
}

test("the plan vectors are there, with errors, JSON plans and multi-key years", () => {
  if (loadError) throw loadError;
  assert.ok(vectors.some((v) => v.format === "json"), "no JSON plan");
  assert.ok(vectors.filter((v) => "error" in v.want).length >= 10, "fewer than 10 error vectors");
  assert.ok(vectors.filter((v) => "exact" in v.want).length >= 2, "fewer than 2 multi-key vectors");
});

/** A decimal string as [digits, scale]: "12.50" → [1250n, 2]. */
function decimal(text) {
  assert.match(text, /^-?\d+(\.\d+)?$/, `not a plain decimal: ${text}`);
  const negative = text.startsWith("-");
  const [whole, frac = ""] = text.replace("-", "").split(".");
  const digits = BigInt(whole + frac);
  return [negative ? -digits : digits, frac.length];
}

/** A decimal string or "n/d" as an exact fraction [n, d], d > 0. */
function rational(text) {
  if (text.includes("/")) {
    const [n, d] = text.split("/").map(BigInt);
    return d < 0n ? [-n, -d] : [n, d];
  }
  const [digits, scale] = decimal(text);
  return [digits, 10n ** BigInt(scale)];
}

/** The exact sum of decimal strings, as a fraction. */
function sum(texts) {
  return texts.map(rational).reduce(([n1, d1], [n2, d2]) => [n1 * d2 + n2 * d1, d1 * d2], [0n, 1n]);
}

/** Fractions equal in value. */
function same([n1, d1], [n2, d2]) {
  return n1 * d2 === n2 * d1;
}

/** |a − b| < c for fractions. */
function within([na, da], [nb, db], [nc, dc]) {
  const diff = na * db - nb * da; // over da·db
  const abs = diff < 0n ? -diff : diff;
  return abs * dc < nc * da * db;
}

/** The sums every computed plan keeps; a list of what is wrong. */
function sumProblems(result) {
  const problems = [];
  for (const y of result.years) {
    if (!same(sum(y.members.map((m) => m.contribution)), sum([y.net]))) {
      problems.push(`${y.year}: the contributions do not add up to the net ${y.net}`);
    }
    for (const m of y.members) {
      if (!same(sum(m.lines.map((l) => l.amount)), sum([m.contribution]))) {
        problems.push(`${y.year} ${m.id}: the line amounts do not add up to ${m.contribution}`);
      }
    }
    for (const line of y.lines) {
      const parts = y.members.flatMap((m) => m.lines.filter((l) => l.line === line.id).map((l) => l.amount));
      if (!same(sum(parts), sum([line.net]))) {
        problems.push(`${y.year} line ${line.id}: the members' amounts do not add up to ${line.net}`);
      }
    }
  }
  return problems;
}

/** Every way the result differs from the vector; empty when it matches. */
function figureProblems(result, want) {
  const problems = sumProblems(result);
  const years = result.years.map((y) => String(y.year));
  if (JSON.stringify(years) !== JSON.stringify(Object.keys(want.net))) {
    return [...problems, `years ${years}, expected ${Object.keys(want.net)}`];
  }
  const unit = rational(result.unit);
  for (const y of result.years) {
    const year = String(y.year);
    if (y.net !== want.net[year]) problems.push(`${year}: net ${y.net}, expected ${want.net[year]}`);
    const contributions = want.contributions?.[year];
    const exact = want.exact?.[year];
    if (contributions) {
      const ids = y.members.map((m) => m.id).sort();
      const wantIds = Object.keys(contributions).sort();
      if (JSON.stringify(ids) !== JSON.stringify(wantIds)) {
        problems.push(`${year}: members ${ids}, expected ${wantIds}`);
      }
      for (const m of y.members) {
        if (m.contribution !== contributions[m.id]) {
          problems.push(`${year} ${m.id}: ${m.contribution}, expected ${contributions[m.id]}`);
        }
      }
    } else if (exact) {
      for (const m of y.members) {
        if (!(m.id in exact)) {
          problems.push(`${year} ${m.id}: no exact total in the vector`);
        } else if (!within(rational(m.contribution), rational(exact[m.id]), unit)) {
          problems.push(`${year} ${m.id}: ${m.contribution} is not within one unit of ${exact[m.id]}`);
        }
      }
    } else {
      problems.push(`${year}: the vector has neither contributions nor exact`);
    }
  }
  return problems;
}

/** Calls `fn` and returns the AndelError it threw, failing otherwise. */
function andelError(fn, AndelError) {
  let thrown = null;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== null, "expected an AndelError, but nothing was thrown");
  assert.ok(thrown instanceof AndelError, `expected an AndelError, got ${thrown?.name}: ${thrown?.message}`);
  return thrown;
}

const builds = [
  ["node", async () => node],
  ["web", loadWeb],
];

for (const [buildName, load] of builds) {
  describe(`plan vectors on the ${buildName} build`, async () => {
    const andel = await load();
    const { AndelError, computePlan, validatePlan, planToJson } = andel;
    for (const { name, want, text, format } of vectors) {
      test(name, () => {
        if ("error" in want) {
          assert.ok(!("net" in want), "an entry has either error or net");
          const place = { code: want.error, path: want.path, line: want.line, column: want.column };
          // As text: the code and the full place.
          const err = andelError(() => computePlan(text, { format }), AndelError);
          assert.deepEqual({ code: err.code, path: err.path, line: err.line, column: err.column }, place, err.message);
          // validatePlan's first problem is the same one.
          const [first] = validatePlan(text, { format });
          assert.ok(first, "validatePlan found no problem");
          assert.deepEqual({ code: first.code, path: first.path, line: first.line, column: first.column }, place);
          // As an object (a JSON plan parsed): the same code, placed by path
          // only. An error the core places by line alone (path "") gets the
          // path of the field on that line, so only a given path is compared.
          if (format === "json") {
            const fromObject = andelError(() => computePlan(JSON.parse(text)), AndelError);
            assert.equal(fromObject.code, want.error, fromObject.message);
            if (want.path !== "") assert.equal(fromObject.path, want.path);
            assert.equal(fromObject.line, null);
          }
          return;
        }
        const result = computePlan(text, { format });
        assert.deepEqual(figureProblems(result, want), []);
        // The same plan as a JavaScript object gives the same result.
        const object = JSON.parse(planToJson(text, { format }));
        assert.deepEqual(computePlan(object), result);
        assert.deepEqual(validatePlan(text, { format }), []);
      });
    }
  });
}
