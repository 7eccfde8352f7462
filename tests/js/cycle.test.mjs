// The annual cycle on the Node build and the web build: planCalendar,
// planCalendarIcs, planInvoices, settlePlan, diffPlans, whyChanged.
// Expected figures are worked out here with BigInt arithmetic from the
// amounts written in this file and in the example plans, never taken from
// the function under test.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { loadWeb, node } from "./builds.mjs";

const example = (name) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");
const cycleToml = example("tillvaxtmotor-cycle.toml");
const referenceToml = example("tillvaxtmotor.toml");
const ljungbyLeavesToml = example("tillvaxtmotor-ljungby-leaves.toml");
const outcomeToml = example("tillvaxtmotor-outcome.toml");

// The outcome of 2021 in the examples, against the plan: project
// management 930 000 (planned 900 000), the analysis 500 000 (planned
// 600 000), the start grant 350 000 paid out (planned 400 000).
const NET_CHANGE_2021 = 930000n - 900000n + (500000n - 600000n) - (350000n - 400000n);
// The plan's [instalments]: four a year.
const INSTALMENTS = 4n;

/** A whole-number decimal string as a BigInt (the plans' unit is 1 krona). */
function whole(text) {
  assert.match(text, /^-?\d+$/, `not a whole number: ${text}`);
  return BigInt(text);
}

/** The exact sum of whole-number strings. */
const sum = (texts) => texts.reduce((acc, t) => acc + whole(t), 0n);

function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an error");
}

const builds = [
  ["node", async () => node],
  ["web", loadWeb],
];

for (const [buildName, load] of builds) {
  describe(`the annual cycle on the ${buildName} build`, async () => {
    const andel = await load();
    const { AndelError, computePlan, planCalendar, planCalendarIcs, planInvoices, settlePlan, diffPlans, whyChanged } =
      andel;
    const toml = { format: "toml" };

    function throwsCode(fn, code) {
      const err = thrown(fn);
      assert.ok(err instanceof AndelError, `expected an AndelError, got ${err?.name}: ${err?.message}`);
      assert.equal(err.code, code, err.message);
      return err;
    }

    const result = computePlan(cycleToml, toml);
    const contribution = (year, id) => result.years.find((y) => y.year === year).members.find((m) => m.id === id);

    describe("planCalendar", () => {
      test("lists each milestone for each budget year, with the year's contributions", () => {
        const calendar = planCalendar(cycleToml, toml);
        // Three milestones for each of the five budget years.
        assert.equal(calendar.entries.length, 3 * 5);
        const notice = calendar.entries.find((e) => e.milestone === "preliminary" && e.budget_year === 2023);
        assert.equal(notice.date, "2022-04-30");
        assert.equal(notice.figures, "contributions");
        const halmstad = notice.amounts.find((a) => a.id === "halmstad");
        assert.equal(halmstad.amount, contribution(2023, "halmstad").contribution);
        // The entries are in date order ("YYYY-MM-DD" sorts as text).
        const dates = calendar.entries.map((e) => e.date);
        assert.deepEqual(dates, [...dates].sort());
      });

      test("the iCalendar text", () => {
        const ics = planCalendarIcs(cycleToml, toml);
        assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics.slice(0, 40));
        assert.equal(ics.match(/BEGIN:VEVENT/g).length, 15);
        assert.equal(planCalendar(cycleToml, { format: "toml", ics: true }), ics);
        // The same from the plan as an object.
        const plan = JSON.parse(andel.planToJson(cycleToml, toml));
        assert.equal(planCalendarIcs(plan), ics);
      });
    });

    describe("planInvoices", () => {
      test("each member's instalments add up to its contribution, each run to the net split evenly", () => {
        for (const year of [2021, 2023, 2025]) {
          const invoices = planInvoices(cycleToml, year, toml);
          const y = result.years.find((r) => r.year === year);
          const net = whole(y.net);
          assert.equal(invoices.net, y.net);
          assert.equal(BigInt(invoices.runs.length), INSTALMENTS);
          // The runs: net / 4, the earlier ones taking the units left over.
          const base = net / INSTALMENTS;
          const left = net % INSTALMENTS;
          invoices.runs.forEach((run, i) => {
            assert.equal(whole(run.total), base + (BigInt(i) < left ? 1n : 0n), `${year} run ${i + 1}`);
            assert.equal(sum(run.invoices.map((inv) => inv.amount)), whole(run.total), `${year} run ${i + 1}`);
          });
          // The members: their instalments add up to the contribution, each
          // the contribution / 4 rounded down or up.
          for (const m of y.members.filter((m) => whole(m.contribution) !== 0n)) {
            const mine = invoices.runs.map((run) => run.invoices.find((inv) => inv.member === m.id));
            assert.equal(sum(mine.map((inv) => inv.amount)), whole(m.contribution), `${year} ${m.id}`);
            const c = whole(m.contribution);
            for (const inv of mine) {
              const a = whole(inv.amount);
              assert.ok(a * INSTALMENTS >= c - 3n && a * INSTALMENTS <= c + 3n, `${m.id}: ${a} of ${c}`);
              assert.equal(inv.settlement, "0");
              assert.equal(inv.total, inv.amount);
            }
          }
        }
      });

      test("with settle, the previous year's settlement is on the first instalment", () => {
        const settlement = settlePlan(cycleToml, 2021, null, toml);
        const invoices = planInvoices(cycleToml, 2022, { format: "toml", settle: true });
        assert.equal(invoices.settles, 2021);
        for (const s of settlement.members) {
          const [first, ...rest] = invoices.runs.map((run) => run.invoices.find((inv) => inv.member === s.id));
          assert.equal(first.settlement, s.settlement, s.id);
          assert.equal(whole(first.total), whole(first.amount) + whole(s.settlement), s.id);
          for (const inv of rest) assert.equal(inv.settlement, "0");
        }
        // The same from a separate outcome file, as an object or as text.
        const outcome = { outcome: [{ year: 2021, costs: { projektledning: "930000", analys: 500000n }, funding: { startkapital: "350000" } }] };
        const withoutOutcome = cycleToml.slice(0, cycleToml.indexOf("[[outcome]]"));
        assert.ok(!withoutOutcome.includes("[[outcome]]") && withoutOutcome.includes("[instalments]"));
        const fromObject = planInvoices(withoutOutcome, 2022, { format: "toml", outcome });
        const fromText = planInvoices(withoutOutcome, 2022, { format: "toml", outcome: outcomeToml, outcomeFormat: "toml" });
        assert.deepEqual(fromObject, fromText);
        assert.deepEqual(fromText, invoices);
        assert.equal(fromObject.settles, 2021);
        assert.equal(sum(fromObject.runs[0].invoices.map((inv) => inv.settlement)), NET_CHANGE_2021);
      });
    });

    describe("settlePlan", () => {
      test("the settlements add up to the change in net cost", () => {
        const s = settlePlan(cycleToml, 2021, undefined, toml);
        assert.equal(s.year, 2021);
        assert.equal(whole(s.actual) - whole(s.planned), NET_CHANGE_2021);
        assert.equal(whole(s.difference), NET_CHANGE_2021);
        assert.equal(sum(s.members.map((m) => m.settlement)), NET_CHANGE_2021);
        for (const m of s.members) {
          assert.equal(whole(m.settlement), whole(m.actual) - whole(m.planned), m.id);
          assert.equal(m.planned, contribution(2021, m.id).contribution, m.id);
        }
        // A separate outcome file gives the same settlement for the plan
        // without an outcome of its own.
        const separate = settlePlan(referenceToml, 2021, outcomeToml, { format: "toml", outcomeFormat: "toml" });
        assert.deepEqual(separate.members, s.members);
        // An outcome's text without its format: core tells TOML from JSON
        // (Format::of_text), the same rule as Python's.
        assert.deepEqual(settlePlan(referenceToml, 2021, outcomeToml, toml), separate);
        const outcomeObject = { outcome: [{ year: 2021, funding: { startkapital: "350000" } }] };
        assert.deepEqual(
          settlePlan(referenceToml, 2021, JSON.stringify(outcomeObject), toml),
          settlePlan(referenceToml, 2021, outcomeObject, toml),
        );
      });

      test("unknown_funding, placed in the outcome", () => {
        const outcome = { outcome: [{ year: 2021, funding: { nope: "1" } }] };
        let err = throwsCode(() => settlePlan(referenceToml, 2021, outcome, toml), "unknown_funding");
        assert.equal(err.path, "outcome[0].funding.nope");
        assert.equal(err.line, null);
        const text = '[[outcome]]\nyear = 2021\nfunding = { nope = "1" }\n';
        err = throwsCode(() => settlePlan(referenceToml, 2021, text, { format: "toml", outcomeFormat: "toml" }), "unknown_funding");
        assert.equal(err.path, "outcome[0].funding.nope");
        assert.equal(err.line, 3);
        // In the plan's own outcome: placed in the plan.
        const inPlan = cycleToml.replace('funding = { startkapital = "350000" }', 'funding = { nope = "350000" }');
        err = throwsCode(() => settlePlan(inPlan, 2021, null, toml), "unknown_funding");
        assert.equal(err.path, "outcome[0].funding.nope");
        assert.equal(err.line, inPlan.split("\n").findIndex((l) => l.includes("nope")) + 1);
      });

      test("a year without an outcome, and calls shaped wrongly", () => {
        throwsCode(() => settlePlan(cycleToml, 2022, null, toml), "invalid_plan");
        // A year before the plan is outside its horizon.
        throwsCode(() => settlePlan(cycleToml, 2019, null, toml), "year_outside_horizon");
        throwsCode(() => settlePlan(cycleToml, 2n ** 40n, null, toml), "year_outside_horizon");
        throwsCode(() => settlePlan(cycleToml, "2021", null, toml), "invalid_argument");
        throwsCode(() => settlePlan(cycleToml, 2021, null, { format: "toml", settle: true }), "invalid_argument");
      });
    });

    describe("diffPlans", () => {
      test("the change over the horizon is B's total less A's, and the years' changes add up to it", () => {
        const dearer = referenceToml.replace('amount = "900000"', 'amount = "910000"');
        const d = diffPlans(referenceToml, dearer, toml);
        const a = computePlan(referenceToml, toml);
        const b = computePlan(dearer, toml);
        assert.equal(whole(d.change), whole(b.total) - whole(a.total));
        assert.equal(sum(d.years.map((y) => y.change)), whole(d.change));
        assert.ok(whole(d.change) > 0n);
      });

      test("Ljungby leaving shows as Ljungby's change, made up by the others", () => {
        const a = computePlan(referenceToml, toml);
        const d = diffPlans(referenceToml, ljungbyLeavesToml, toml);
        for (const y of d.years) {
          const ljungby = y.members.find((m) => m.id === "ljungby");
          const before = a.years.find((r) => r.year === y.year).members.find((m) => m.id === "ljungby").contribution;
          assert.equal(ljungby.a, before);
          if (y.year < 2025) {
            assert.equal(ljungby.change, "0", `${y.year}`);
          } else {
            assert.equal(ljungby.b, "0");
            assert.equal(whole(ljungby.change), -whole(before));
            assert.equal(ljungby.change_percent, "-100.00");
            // The net cost is the same: the others pay what Ljungby paid.
            assert.equal(y.change, "0");
            const others = y.members.filter((m) => m.id !== "ljungby");
            assert.equal(sum(others.map((m) => m.change)), whole(before));
          }
          for (const m of y.members) assert.equal(whole(m.change), whole(m.b) - whole(m.a), m.id);
        }
      });

      test("incomparable_plans, and errors placed in plan B", () => {
        const euro = ljungbyLeavesToml.replace('currency = "SEK"', 'currency = "EUR"');
        assert.notEqual(euro, ljungbyLeavesToml);
        throwsCode(() => diffPlans(referenceToml, euro, toml), "incomparable_plans");
        const broken = ljungbyLeavesToml.replace('leaves = "2024-12-31"', 'leaves = "2024-13-31"');
        const err = throwsCode(() => diffPlans(referenceToml, broken, toml), "invalid_date");
        assert.equal(err.line, broken.split("\n").findIndex((l) => l.includes("2024-13-31")) + 1);
        // Plan A as an object, plan B as text.
        const a = JSON.parse(andel.planToJson(referenceToml, toml));
        const d = diffPlans(a, ljungbyLeavesToml, { formatB: "toml" });
        assert.deepEqual(d, diffPlans(referenceToml, ljungbyLeavesToml, toml));
      });
    });

    describe("whyChanged", () => {
      test("the causes add up to the change", () => {
        const all = whyChanged(cycleToml, toml);
        // Seven members, four years after the first.
        assert.equal(all.length, 7 * 4);
        for (const c of all) {
          const prev = contribution(c.year - 1, c.member).contribution;
          const now = contribution(c.year, c.member).contribution;
          assert.equal(whole(c.change), whole(now) - whole(prev), `${c.member} ${c.year}`);
          assert.equal(sum(c.causes.map((k) => k.amount)), whole(c.change), `${c.member} ${c.year}`);
        }
        const one = whyChanged(cycleToml, { format: "toml", member: "halmstad", year: 2022n });
        assert.equal(one.length, 1);
        assert.deepEqual(one[0], all.find((c) => c.member === "halmstad" && c.year === 2022));
        assert.equal(whyChanged(cycleToml, { format: "toml", year: 2024 }).length, 7);
      });

      test("the text is Swedish by default for kronor, English on request", () => {
        const [sv] = whyChanged(cycleToml, { format: "toml", member: "halmstad", year: 2022 });
        const [en] = whyChanged(cycleToml, { format: "toml", member: "halmstad", year: 2022, lang: "en" });
        assert.match(sv.text, /^Halmstad betalar /);
        assert.match(sv.text, /kostnader upphörde/);
        assert.match(sv.text, / kr/);
        assert.match(en.text, /^Halmstad pays /);
        assert.match(en.text, /SEK/);
        // Only the words differ.
        const { text: _sv, ...svFigures } = sv;
        const { text: _en, ...enFigures } = en;
        assert.deepEqual(svFigures, enFigures);
        assert.deepEqual(whyChanged(cycleToml, { format: "toml", member: "halmstad", year: 2022, lang: "sv" }), [sv]);
        throwsCode(() => whyChanged(cycleToml, { format: "toml", lang: "fi" }), "unknown_language");
        throwsCode(() => whyChanged(cycleToml, { format: "toml", lang: true }), "invalid_argument");
      });

      test("an unknown member or a year without a previous one", () => {
        throwsCode(() => whyChanged(cycleToml, { format: "toml", member: "lund" }), "unknown_member");
        throwsCode(() => whyChanged(cycleToml, { format: "toml", year: 2030 }), "year_outside_horizon");
        throwsCode(() => whyChanged(cycleToml, { format: "toml", member: 7 }), "invalid_argument");
      });
    });
  });
}
