// Budgets (computeBudget, budgetToCsv, referenceBudget) on the Node and web builds: the
// shared vectors, tests/vectors/budgets.json (expected values from
// tests/vectors/make_budgets.py, never from andel), and how a budget
// object is read.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { loadWeb, node } from "./builds.mjs";

const vectors = JSON.parse(readFileSync(new URL("../vectors/budgets.json", import.meta.url), "utf8"));

/** A decimal text without trailing zeros after its point ("100.00" → "100"). */
function plain(text) {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

for (const [build, load] of [
  ["node", async () => node],
  ["web", loadWeb],
]) {
  describe(`budgets (${build} build)`, async () => {
    const andel = await load();
    const { AndelError, budgetToCsv, computeBudget, referenceBudget, computePlan, planToCsv } = andel;

    function errorOf(fn) {
      try {
        fn();
      } catch (err) {
        assert.ok(err instanceof AndelError, String(err));
        return err;
      }
      assert.fail("expected an error, but nothing was thrown");
    }

    test("the shared budget vectors", () => {
      assert.ok(vectors.cases.length >= 15, `only ${vectors.cases.length} budget vectors`);
      for (const c of vectors.cases) {
        if (c.expected) {
          const result = computeBudget(c.budget);
          const year = result.years[0];
          const got = Object.fromEntries(year.members.map((m) => [m.id, m.contribution]));
          assert.deepEqual(got, c.expected, c.name);
          assert.equal(plain(result.total), plain(c.budget.total), `${c.name}: the parts add up to the total`);
        } else {
          const err = errorOf(() => computeBudget(c.budget));
          assert.equal(err.code, c.error.code, `${c.name}: ${err.message}`);
          assert.equal(err.path, c.error.path, `${c.name}: ${err.message}`);
          assert.ok(err.message.startsWith(`${c.error.path}: `), err.message);
        }
      }
    });

    test("a budget computes as its one-year plan", () => {
      const budget = {
        year: 2025,
        total: "100000",
        key: { type: "blend", fixed: "0.3" },
        members: [
          { id: "a", name: "A", population: 3000 },
          { id: "b", name: "B", population: "1000" },
        ],
      };
      const plan = {
        format: 1,
        name: "Budget 2025",
        first_year: 2025,
        years: 1,
        population: { years_before: 0, month: 12, day: 31 },
        key: {
          type: "blend",
          parts: [
            { weight: "0.3", key: { type: "equal" } },
            { weight: "0.7", key: { type: "per_capita" } },
          ],
        },
        members: [
          { id: "a", name: "A", metrics: { population: { "2025-12-31": "3000" } } },
          { id: "b", name: "B", metrics: { population: { "2025-12-31": "1000" } } },
        ],
        costs: [{ id: "budget", name: "Budget", amount: "100000", year: 2025 }],
      };
      const result = computeBudget(budget);
      assert.deepEqual(result, computePlan(plan));
      assert.equal(budgetToCsv(budget), planToCsv(plan));
      // 15 000 each as the fixed part, then 70 000 by population.
      assert.deepEqual(result.years[0].members.map((m) => m.contribution), ["67500", "32500"]);
    });

    test("the reference budget is the reference plan's first year, per capita", () => {
      const budget = referenceBudget();
      const year = computePlan(andel.referencePlan()).years[0];
      assert.equal(budget.year, year.year);
      assert.equal(budget.total, year.net);
      assert.deepEqual(
        budget.members,
        year.members.filter((m) => m.paying).map((m) => ({ id: m.id, name: m.name, population: m.population })),
      );
      assert.deepEqual(budget.key, { type: "per_capita" });
      assert.equal(computeBudget(budget).total, "1250000");
    });

    test("the CSV has each member's population and contribution, names guarded", () => {
      for (const c of vectors.cases.filter((c) => c.expected)) {
        const [header, ...rows] = budgetToCsv(c.budget).trimEnd().split("\n");
        const columns = header.split(",");
        assert.deepEqual(columns.slice(0, 7), ["year", "member", "name", "population", "share", "share_percent", "contribution"]);
        assert.equal(rows.length, c.budget.members.length, c.name);
        c.budget.members.forEach((m, i) => {
          // Plain ids and names in the vectors: no cell is quoted.
          const cells = Object.fromEntries(rows[i].split(",").map((v, j) => [columns[j], v]));
          assert.equal(cells.member, m.id, c.name);
          assert.equal(cells.year, String(c.budget.year), c.name);
          assert.equal(cells.contribution, c.expected[m.id], c.name);
          const population = m.population === undefined || m.population === null ? "" : String(m.population);
          assert.equal(plain(cells.population), plain(population), c.name);
        });
      }
      const csv = budgetToCsv({ year: 2025, total: "10", members: [{ id: "a", name: "=HYPERLINK(1)", population: 1 }] });
      assert.match(csv, /^2025,a,'=HYPERLINK\(1\),1,/m);
      const err = errorOf(() => budgetToCsv({ year: 2025, total: 10, members: [] }));
      assert.equal(err.code, "invalid_number");
    });

    test("keys by name, names defaulting to ids, BigInt money", () => {
      const members = [{ id: "x", population: 1 }, { id: "y", population: 3 }];
      const result = computeBudget({ year: 2025, total: 100n, key: "per_capita", members });
      assert.deepEqual(result.years[0].members.map((m) => [m.name, m.contribution]), [["x", "25"], ["y", "75"]]);
      assert.deepEqual(computeBudget({ year: 2025, total: "100", key: "equal", members }).years[0].members.map((m) => m.contribution), ["50", "50"]);
    });

    test("money as a JS number is refused, with its place", () => {
      const err = errorOf(() => computeBudget({ year: 2025, total: 100, members: [{ id: "x", population: 1 }] }));
      assert.equal(err.code, "invalid_number");
      assert.equal(err.path, "total");
      assert.match(err.message, /not a JS number/);
      const unit = errorOf(() => computeBudget({ year: 2025, total: "100", unit: 0.5, members: [{ id: "x", population: 1 }] }));
      assert.equal(unit.path, "unit");
    });

    test("bad numbers are placed in the budget", () => {
      const members = [{ id: "x", population: 1 }, { id: "y", population: "1 000" }];
      const err = errorOf(() => computeBudget({ year: 2025, total: "100", members }));
      assert.equal(err.code, "invalid_number");
      assert.equal(err.path, "members[1].population");
      const nan = errorOf(() => computeBudget({ year: 2025, total: "100", members: [{ id: "x", population: NaN }] }));
      assert.equal(nan.code, "invalid_number");
      assert.equal(nan.path, "members[0].population");
      const share = errorOf(() =>
        computeBudget({ year: 2025, total: "100", key: { type: "fixed_shares", shares: { x: "¼" } }, members }),
      );
      assert.equal(share.path, "key.shares.x");
    });

    test("a budget shaped wrongly is an invalid_argument", () => {
      const members = [{ id: "x", population: 1 }];
      for (const bad of [
        null,
        "budget",
        [],
        { total: "1", members },
        { year: "2025", total: "1", members },
        { year: 2 ** 40, total: "1", members },
        { year: 2025, total: "1", members, extra: 1 },
        { total: "1", members: "x" },
        { total: "1", members: [null] },
        { total: "1", members: [{ id: 1 }] },
        { total: "1", members: [{ id: "x", pop: 1 }] },
        { total: "1", members, year: 2025.5 },
        { total: "1", members, year: 2025, key: { type: "blend", fixed: "0.5", weight: 1 } },
        { total: "1", members, key: { type: "blend", fixed: "0.5", weight: 1 } },
        { total: "1", members, key: 7 },
        { total: "1", members, key: { type: "fixed_shares", shares: [] } },
      ]) {
        const err = errorOf(() => computeBudget(bad));
        assert.equal(err.code, "invalid_argument", JSON.stringify(bad));
        assert.match(err.message, /^computeBudget: /);
      }
    });

    test("key errors come from the core, at key", () => {
      const members = [{ id: "x", population: 1 }];
      const unknown = errorOf(() => computeBudget({ year: 2025, total: "1", members, key: "metric" }));
      assert.equal(unknown.code, "invalid_key");
      assert.equal(unknown.path, "key");
      const blend = errorOf(() => computeBudget({ year: 2025, total: "1", members, key: "blend" }));
      assert.equal(blend.code, "invalid_key");
      assert.match(blend.message, /fixed part/);
    });
  });
}
