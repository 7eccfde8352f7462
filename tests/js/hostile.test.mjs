// Hostile input (issue 15) through the Node build: the same refusals and
// the same neutralised outputs as core/tests/hostile_input.rs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { node } from "./builds.mjs";

const { AndelError, allocate, computeBudget, computePlan, planCalendarIcs } = node;

function codeOf(f) {
  try {
    f();
  } catch (err) {
    assert.ok(err instanceof AndelError, String(err));
    return [err.code, err.path ?? null];
  }
  assert.fail("expected an AndelError");
}

const budget = (members, key = { type: "per_capita" }) => ({ year: 2025, total: "100", key, members });

test("a number text with a huge exponent is refused at once", () => {
  const started = performance.now();
  assert.deepEqual(codeOf(() => allocate({ total: "10", weights: ["1", "0e-2147483648"] }))[0], "invalid_number");
  assert.ok(performance.now() - started < 500);
});

test("budget ids are compared in NFC, and control characters refused", () => {
  const twins = [
    { id: "\u00c5", name: "A", population: "10" },
    { id: "A\u030a", name: "B", population: "10" },
  ];
  assert.deepEqual(codeOf(() => computeBudget(budget(twins))), ["duplicate_id", "members[1].id"]);
  const esc = [
    { id: "a\u001b", name: "A", population: "10" },
    { id: "b", name: "B", population: "10" },
  ];
  assert.deepEqual(codeOf(() => computeBudget(budget(esc))), ["invalid_id", "members[0].id"]);
});

test("the calendar has no control characters and one UID per milestone id", () => {
  let text = readFileSync(new URL("../../examples/tillvaxtmotor-cycle.toml", import.meta.url), "utf8");
  text = text.replace('id = "decision"', 'id = "Preliminary"').replace(
    'name = "Final decision on contributions"',
    'name = "Final\\u0000decision\\u001b[2J\\u000b\\u000c"',
  );
  const ics = planCalendarIcs(text, { format: "toml" });
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(ics));
  const uids = ics.replace(/\r\n /g, "").split("\r\n").filter((l) => l.startsWith("UID:"));
  assert.equal(new Set(uids).size, uids.length);
  assert.ok(uids.some((u) => u.includes("-%50reliminary-")), uids.join("\n"));
});

/** 100 years, 100 milestones, `withFigures` of them with contributions. */
function calendarPlan(members, withFigures) {
  let text =
    'format = 1\nname = "Calendar"\nfirst_year = 2025\nyears = 100\n[population]\ncarry_forward = true\n\n' +
    '[[costs]]\nid = "pm"\nname = "Pm"\namount = "1000000"\nfrom = 2025\n\n';
  for (let i = 0; i < members; i++) {
    text += `[[members]]\nid = "m${i}"\nname = "M${i}"\nmetrics.population = { "2023-12-31" = ${1000 + i} }\n\n`;
  }
  for (let i = 0; i < 100; i++) {
    const figures = i < withFigures ? "contributions" : "none";
    text += `[[milestones]]\nid = "s${i}"\nname = "S"\ndate = "10-31"\ndue = "d"\nfigures = "${figures}"\n\n`;
  }
  return text;
}

test("a calendar lists at most the figures a plan computes", () => {
  // 100 milestones with figures × 100 years × 3 000 members = 30 000 000, the bound.
  assert.deepEqual(codeOf(() => computePlan(calendarPlan(3001, 100), { format: "toml" })), [
    "invalid_plan",
    "milestones",
  ]);
});

test("a currency is short and has no control characters", () => {
  const members = [
    { id: "a", name: "A", population: "10" },
    { id: "b", name: "B", population: "10" },
  ];
  assert.equal(computeBudget({ ...budget(members), currency: "k".repeat(16) }).currency, "k".repeat(16));
  for (const currency of ["SEKSEKSEKSEKSEKSE", "kr\u001b[2J"]) {
    assert.deepEqual(codeOf(() => computeBudget({ ...budget(members), currency })), ["invalid_plan", "currency"]);
  }
});
