// Budget-cycle plans on the Node build and the web build: computePlan,
// explainPlan, validatePlan, referencePlan, planSchema, planToJson.
// Expected figures are worked out here with BigInt arithmetic from the
// populations and amounts written in this file, never taken from andel.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { loadWeb, node, nodeEntry } from "./builds.mjs";

const referenceToml = readFileSync(new URL("../../examples/tillvaxtmotor.toml", import.meta.url), "utf8");
const schemaFile = JSON.parse(readFileSync(new URL("../../docs/plan.schema.json", import.meta.url), "utf8"));

// SCB, population 31 December 2019 (/work/shared/domain.md); budget year
// 2021 uses the figure of 31 December 2019 (two years before).
const POPULATION_2019 = {
  bastad: 15128n,
  falkenberg: 45367n,
  halmstad: 102767n,
  hylte: 10815n,
  laholm: 25903n,
  ljungby: 28521n,
};
// The illustrative amounts of the reference plan for 2021: project
// management, strategy days, the analysis, less the start grant.
const NET_2021 = 900000n + 150000n + 600000n - 400000n;

/** A decimal string as [digits, scale]: "12.50" → [1250n, 2]. */
function decimal(text) {
  assert.match(text, /^-?\d+(\.\d+)?$/, `not a plain decimal: ${text}`);
  const negative = text.startsWith("-");
  const [whole, frac = ""] = text.replace("-", "").split(".");
  const digits = BigInt(whole + frac);
  return [negative ? -digits : digits, frac.length];
}

/** The exact sum of decimal strings, as a decimal string. */
function sum(texts) {
  const parts = texts.map(decimal);
  const scale = Math.max(0, ...parts.map(([, s]) => s));
  const total = parts.reduce((acc, [d, s]) => acc + d * 10n ** BigInt(scale - s), 0n);
  return canonical(total, scale);
}

/** Digits at a scale as the shortest decimal text: 1250n, 2 → "12.5". */
function canonical(digits, scale) {
  const negative = digits < 0n;
  let text = (negative ? -digits : digits).toString().padStart(scale + 1, "0");
  let point = text.length - scale;
  let out = scale > 0 ? `${text.slice(0, point)}.${text.slice(point)}` : text;
  if (out.includes(".")) out = out.replace(/0+$/, "").replace(/\.$/, "");
  return (negative && out !== "0" ? "-" : "") + out;
}

/** Decimal strings equal in value ("12.50" and "12.5"). */
function sameDecimal(actual, expected, label) {
  assert.equal(sum([actual]), sum([expected]), `${label}: ${actual} ≠ ${expected}`);
}

/**
 * Largest remainder (Hamilton) of `total` whole units by `weights`: each
 * gets its quota rounded down, then one unit each to the largest
 * remainders; on equal remainders the larger weight, then the earlier one.
 */
function largestRemainder(total, weights) {
  const sumWeights = weights.reduce((a, b) => a + b, 0n);
  const floors = weights.map((w) => (total * w) / sumWeights);
  const remainders = weights.map((w) => (total * w) % sumWeights);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((i, j) => {
      if (remainders[i] !== remainders[j]) return remainders[i] > remainders[j] ? -1 : 1;
      if (weights[i] !== weights[j]) return weights[i] > weights[j] ? -1 : 1;
      return i - j;
    });
  for (const i of order) {
    if (left === 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors;
}

/** Calls `fn` and returns what it threw, failing if it returned. */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an error, but nothing was thrown");
}

/** 1-based line and column of the first `needle` in `text`. */
function lineColumn(text, needle) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} is not in the text`);
  const before = text.slice(0, offset).split("\n");
  return [before.length, before[before.length - 1].length + 1];
}

const builds = [
  ["node", async () => node],
  ["web", loadWeb],
];

for (const [buildName, load] of builds) {
  describe(`plans on the ${buildName} build`, async () => {
    const andel = await load();
    const { AndelError, computePlan, explainPlan, validatePlan, referencePlan, planSchema, planToJson, planToCsv } = andel;

    /** Asserts an AndelError with `code`; returns it. */
    function throwsCode(fn, code) {
      const err = thrown(fn);
      assert.ok(err instanceof AndelError, `expected an AndelError, got ${err?.name}: ${err?.message}`);
      assert.equal(err.code, code, err.message);
      return err;
    }

    /** A fresh copy of the reference plan as an object. */
    const reference = () => referencePlan();

    describe("the reference plan", () => {
      const result = computePlan(reference());

      test("is the bundled example, as text and as an object", () => {
        assert.equal(referencePlan({ format: "toml" }), referenceToml);
        const plan = reference();
        assert.equal(plan.format, 1);
        assert.equal(plan.first_year, 2021);
        assert.equal(plan.years, 5);
        assert.deepEqual(
          plan.members.map((m) => m.id),
          [...Object.keys(POPULATION_2019), "hh"],
        );
        assert.equal(plan.members[2].metrics.population["2019-12-31"], "102767");
        assert.deepEqual(JSON.parse(referencePlan({ format: "json" })), plan);
      });

      test("computes five budget years, every member in every year", () => {
        assert.equal(result.name, reference().name);
        assert.equal(result.currency, "SEK");
        assert.equal(result.unit, "1");
        assert.equal(result.method, "largest_remainder");
        assert.deepEqual(
          result.years.map((y) => y.year),
          [2021, 2022, 2023, 2024, 2025],
        );
        for (const y of result.years) assert.equal(y.members.length, 7);
      });

      test("the TOML text, the object and its JSON text give the same result", () => {
        assert.deepEqual(computePlan(referenceToml, { format: "toml" }), result);
        assert.deepEqual(computePlan(JSON.stringify(reference()), { format: "json" }), result);
        assert.deepEqual(computePlan(planToJson(referenceToml, { format: "toml" }), { format: "json" }), result);
      });

      test("every year's contributions add up exactly to its net", () => {
        for (const y of result.years) {
          assert.equal(sum(y.members.map((m) => m.contribution)), sum([y.net]), `${y.year}`);
          assert.equal(sum([y.gross, `-${y.funding}`]), sum([y.net]), `${y.year}: net = gross − funding`);
        }
      });

      test("each member's line amounts add up to its contribution, each line to its net", () => {
        for (const y of result.years) {
          for (const m of y.members) {
            const amounts = m.lines.map((l) => l.amount);
            assert.equal(sum(amounts), sum([m.contribution]), `${y.year} ${m.id}`);
          }
          for (const line of y.lines) {
            const parts = y.members.flatMap((m) => m.lines.filter((l) => l.line === line.id).map((l) => l.amount));
            assert.equal(sum(parts), sum([line.net]), `${y.year} ${line.id}`);
          }
        }
      });

      test("2021: the largest-remainder split of the net by the 2019 populations", () => {
        const y = result.years[0];
        assert.equal(y.year, 2021);
        sameDecimal(y.net, NET_2021.toString(), "net 2021");
        const ids = Object.keys(POPULATION_2019);
        const expected = largestRemainder(NET_2021, Object.values(POPULATION_2019));
        // The quotas rounded down, plus one unit each to the three largest
        // remainders (Hylte .76, Båstad .75, Laholm .69): a check on the helper.
        assert.deepEqual(expected, [82757n, 248177n, 562180n, 59163n, 141701n, 156022n]);
        ids.forEach((id, i) => {
          const m = y.members.find((row) => row.id === id);
          assert.equal(m.contribution, expected[i].toString(), id);
          assert.equal(m.population, POPULATION_2019[id].toString(), id);
          assert.equal(m.population_date, "2019-12-31", id);
        });
        const university = y.members.find((row) => row.id === "hh");
        assert.equal(university.paying, false);
        sameDecimal(university.contribution, "0", "hh");
        assert.equal(university.in_kind, String(400 * 700));
      });

      test("a missing figure is carried forward, and a note says so", () => {
        // Ljungby has no 31 December 2020 figure: 2022 uses 2019's.
        const row = result.years[1].members.find((m) => m.id === "ljungby");
        assert.equal(row.population_date, "2020-12-31");
        assert.equal(row.population_carried_from, "2019-12-31");
        assert.equal(row.population, "28521");
        assert.ok(result.notes.some((n) => n.startsWith("2022: ") && n.includes("Ljungby 28521 (2019-12-31)")), result.notes.join("\n"));
      });
    });

    describe("explainPlan", () => {
      test("explains a contribution and names the population date", () => {
        const why = explainPlan(reference(), "hylte", 2021, { lang: "en" });
        assert.equal(why.member, "hylte");
        assert.equal(why.year, 2021);
        assert.equal(why.contribution, "59163");
        assert.ok(Array.isArray(why.lines) && why.lines.every((l) => typeof l === "string"));
        const text = why.lines.join("\n");
        assert.match(text, /10815 at 2019-12-31/);
        assert.match(text, /59163/);
        // The same from the TOML text; a BigInt year is accepted too.
        assert.deepEqual(explainPlan(referenceToml, "hylte", 2021n, { format: "toml", lang: "en" }), why);
      });

      test("explains in Swedish by default for a plan in kronor, in English for other currencies", () => {
        const nnbsp = "\u202f"; // the Swedish thousands separator
        const sv = explainPlan(reference(), "hylte", 2021);
        assert.deepEqual(explainPlan(reference(), "hylte", 2021, { lang: "sv" }), sv);
        assert.deepEqual(explainPlan(reference(), "hylte", 2021, { lang: null }), sv);
        assert.equal(sv.contribution, "59163");
        assert.equal(sv.lines[0], `Hylte (hylte), budgetår 2021: bidrag 59${nnbsp}163 kr.`);
        assert.ok(sv.lines.some((l) => l.includes(`Befolkning: 10${nnbsp}815 per 2019-12-31`)), sv.lines.join("\n"));
        assert.doesNotMatch(sv.lines.join("\n"), /budget year|contribution/);
        const euros = { ...reference(), currency: "EUR" };
        const en = explainPlan(euros, "hylte", 2021);
        assert.equal(en.lines[0], "Hylte (hylte), budget year 2021: contribution 59163 EUR.");
        assert.equal(explainPlan(euros, "hylte", 2021, { lang: "sv" }).lines[0], `Hylte (hylte), budgetår 2021: bidrag 59${nnbsp}163 EUR.`);
      });

      test("a language other than sv or en is refused", () => {
        const unknown = throwsCode(() => explainPlan(reference(), "hylte", 2021, { lang: "de" }), "unknown_language");
        assert.match(unknown.message, /"de"/);
        throwsCode(() => explainPlan(reference(), "hylte", 2021, { lang: "SV" }), "unknown_language");
        throwsCode(() => explainPlan(reference(), "hylte", 2021, { lang: 1 }), "invalid_argument");
        throwsCode(() => explainPlan(reference(), "hylte", 2021, { language: "sv" }), "invalid_argument");
      });

      test("speaks Swedish with lang: sv, the default for a plan in SEK", () => {
        const sv = explainPlan(reference(), "hylte", 2021, { lang: "sv" });
        assert.equal(sv.contribution, "59163");
        const text = sv.lines.join("\n");
        // sv-SE figures: a narrow no-break space groups the digits.
        assert.match(text, /bidrag 59\u202f163 kr/);
        assert.doesNotMatch(text, /contribution/);
        assert.deepEqual(explainPlan(reference(), "hylte", 2021), sv);
        assert.match(explainPlan(reference(), "hylte", 2021, { lang: "en" }).lines.join("\n"), /contribution 59163 SEK/);
        throwsCode(() => explainPlan(reference(), "hylte", 2021, { lang: "de" }), "unknown_language");
        throwsCode(() => explainPlan(reference(), "hylte", 2021, { lang: 1 }), "invalid_argument");
      });

      test("an unknown member or a year outside the horizon", () => {
        const unknown = throwsCode(() => explainPlan(reference(), "malmo", 2021), "unknown_member");
        assert.equal(unknown.path, undefined);
        throwsCode(() => explainPlan(reference(), "hylte", 2020), "year_outside_horizon");
        const far = throwsCode(() => explainPlan(reference(), "hylte", 2 ** 40), "year_outside_horizon");
        assert.match(far.message, /1099511627776/);
      });

      test("a member that is not a string or a year that is not whole is refused", () => {
        throwsCode(() => explainPlan(reference(), 3, 2021), "invalid_argument");
        for (const year of [2021.5, "2021", NaN, null, 2n ** 64n]) {
          throwsCode(() => explainPlan(reference(), "hylte", year), "invalid_argument");
        }
      });
    });

    describe("errors in plans", () => {
      test("a misspelt partcipants in TOML is unknown_field at its line and column", () => {
        const text = referenceToml.replace("participants =", "partcipants =");
        const [line, column] = lineColumn(text, "partcipants");
        const err = throwsCode(() => computePlan(text, { format: "toml" }), "unknown_field");
        assert.equal(err.line, line);
        assert.equal(err.column, column);
        assert.equal(err.path, "costs[3].partcipants");
        assert.match(err.message, /partcipants/);
        assert.match(err.message, new RegExp(`line ${line}, column ${column}`));
        const problems = validatePlan(text, { format: "toml" });
        assert.equal(problems.length, 1);
        assert.deepEqual(
          { code: problems[0].code, line: problems[0].line, column: problems[0].column },
          { code: "unknown_field", line, column },
        );
      });

      test("a misspelt field in a plan object is placed by its path, without line and column", () => {
        const plan = reference();
        plan.costs[3].partcipants = plan.costs[3].participants;
        delete plan.costs[3].participants;
        const err = throwsCode(() => computePlan(plan), "unknown_field");
        assert.equal(err.path, "costs[3].partcipants");
        assert.equal(err.line, null);
        assert.equal(err.column, null);
        assert.match(err.message, /^costs\[3\]\.partcipants: unknown field "partcipants"/);
      });

      test("a missing field in a plan object is placed at the object that lacks it", () => {
        const plan = reference();
        delete plan.members[1].name;
        const err = throwsCode(() => computePlan(plan), "missing_field");
        assert.equal(err.path, "members[1]");
      });

      test("a bad JSON text is placed by line and column", () => {
        const text = '{\n  "format": 1,\n  "name": "x",,\n}';
        const err = throwsCode(() => computePlan(text, { format: "json" }), "plan_syntax");
        assert.equal(err.line, 3);
        assert.equal(typeof err.column, "number");
      });

      test("a float amount in a plan object is refused, at its path", () => {
        const plan = reference();
        plan.costs[0].amount = 900000.5;
        const err = throwsCode(() => computePlan(plan), "plan_syntax");
        assert.equal(err.path, "costs[0].amount");
        assert.match(err.message, /float/);
        const problems = validatePlan(plan);
        assert.deepEqual(
          problems.map((p) => [p.code, p.path]),
          [["plan_syntax", "costs[0].amount"]],
        );
      });

      test("whole JS numbers and BigInts are exact; unsafe integers and NaN are refused", () => {
        const asNumbers = reference();
        asNumbers.costs[0].amount = 900000;
        asNumbers.funding[0].amount = 400000n;
        assert.deepEqual(computePlan(asNumbers), computePlan(reference()));
        const unsafe = reference();
        unsafe.costs[0].amount = 2 ** 60;
        const err = throwsCode(() => computePlan(unsafe), "invalid_number");
        assert.equal(err.path, "costs[0].amount");
        assert.equal(err.line, null);
        const notANumber = reference();
        notANumber.costs[1].amount = NaN;
        throwsCode(() => computePlan(notANumber), "invalid_number");
      });

      test("validatePlan returns every problem, each with its place, and throws none", () => {
        const plan = reference();
        plan.members[1].id = "bastad"; // a second "bastad"
        plan.costs[3].participants.push("malmo");
        plan.funding[0].year = 2019;
        plan.funding[0].amount = "-5"; // a cost may be negative (a refund), funding not
        const problems = validatePlan(plan);
        assert.ok(problems.length >= 4, JSON.stringify(problems, null, 2));
        const byCode = Object.fromEntries(problems.map((p) => [p.code, p]));
        assert.equal(byCode.duplicate_id.path, "members[1].id");
        assert.equal(byCode.unknown_member.path, "costs[3].participants[4]");
        assert.equal(byCode.year_outside_horizon.path, "funding[0].year");
        assert.equal(byCode.negative_amount.path, "funding[0].amount");
        for (const p of problems) {
          assert.deepEqual(Object.keys(p).sort(), ["code", "column", "line", "message", "path"]);
          assert.equal(typeof p.message, "string");
          assert.equal(p.line, null);
          assert.equal(p.column, null);
          assert.ok(!(p instanceof Error));
        }
        // As text, problems come with lines and columns. Renaming falkenberg
        // also leaves the working group's "falkenberg" unknown: 3 problems.
        const text = planToJson(reference())
          .replace('"id": "falkenberg"', '"id": "bastad"')
          .replace('"laholm"\n', '"laholm",\n"malmo"\n');
        const inText = validatePlan(text, { format: "json" });
        assert.deepEqual(
          inText.map((p) => [p.code, p.path]),
          [
            ["duplicate_id", "members[1].id"],
            ["unknown_member", "costs[3].participants[0]"],
            ["unknown_member", "costs[3].participants[4]"],
          ],
        );
        for (const p of inText) {
          assert.equal(typeof p.line, "number", p.message);
          assert.equal(typeof p.column, "number", p.message);
        }
        assert.deepEqual([inText[2].line, inText[2].column], lineColumn(text, '"malmo"'));
        // computePlan throws the first of them.
        throwsCode(() => computePlan(plan), problems[0].code);
      });

      test("validatePlan of a sound plan is empty", () => {
        assert.deepEqual(validatePlan(reference()), []);
        assert.deepEqual(validatePlan(referenceToml, { format: "toml" }), []);
      });

      test("values JSON cannot carry are problems at their paths", () => {
        const plan = reference();
        plan.members[0].joins = new Date("2021-01-01");
        plan.costs[1].amount = Infinity;
        plan.costs[3].participants[1] = undefined;
        plan.self = plan;
        const problems = validatePlan(plan);
        assert.deepEqual(
          problems.map((p) => [p.code, p.path]),
          [
            ["plan_syntax", "members[0].joins"],
            ["invalid_number", "costs[1].amount"],
            ["plan_syntax", "costs[3].participants[1]"],
            ["plan_syntax", "self"],
          ],
        );
        assert.match(problems[0].message, /a Date/);
        throwsCode(() => computePlan(plan), "plan_syntax");
      });

      test("a plan object is walked by the core, which names what it refuses", () => {
        const plan = reference();
        plan.members[0].metrics = new Map();
        plan.costs[0].amount = NaN;
        plan.costs[1].amount = 2 ** 60;
        Object.defineProperty(plan.costs[2], "amount", {
          enumerable: true,
          get() {
            throw new Error("boom");
          },
        });
        const problems = validatePlan(plan);
        assert.deepEqual(
          problems.map((p) => [p.code, p.path]),
          [
            ["plan_syntax", "members[0].metrics"],
            ["invalid_number", "costs[0].amount"],
            ["invalid_number", "costs[1].amount"],
            ["plan_syntax", "costs[2].amount"],
          ],
        );
        assert.match(problems[0].message, /^members\[0\]\.metrics: a Map cannot be part of a plan/);
        assert.match(problems[1].message, /NaN and infinities are not numbers/);
        assert.match(problems[2].message, /"1152921504606847000".*beyond 2\^53 - 1/);
        assert.match(problems[3].message, /getter throws/);
        // An object without a prototype is plain data; BigInts keep every digit.
        const bare = Object.assign(Object.create(null), reference());
        bare.funding[0].amount = 400000n;
        assert.deepEqual(computePlan(bare), computePlan(reference()));
      });

      test("undefined optional fields are left out, as in JSON.stringify", () => {
        const plan = reference();
        plan.costs[0].to = undefined;
        assert.deepEqual(computePlan(plan), computePlan(reference()));
      });

      test("calls shaped wrongly are invalid_argument", () => {
        for (const [label, call] of [
          ["no plan", () => computePlan()],
          ["a number", () => computePlan(1)],
          ["an array", () => computePlan([reference()])],
          ["text without its format", () => computePlan(referenceToml)],
          ["a format that is not text", () => computePlan(referenceToml, { format: 1 })],
          ["an unknown option", () => computePlan(reference(), { fromat: "json" })],
          ["a plan object as toml", () => computePlan(reference(), { format: "toml" })],
          ["options not an object", () => validatePlan(referenceToml, "toml")],
          ["validatePlan without a plan", () => validatePlan(null)],
        ]) {
          const err = throwsCode(call, "invalid_argument");
          assert.ok(err.message.length > 0, label);
        }
      });

      test("format names are core's: any case, and an unknown one is plan_syntax as in Python", () => {
        assert.deepEqual(computePlan(referenceToml, { format: "TOML" }), computePlan(reference()));
        for (const call of [
          () => computePlan(referenceToml, { format: "yaml" }),
          () => computePlan(reference(), { format: "yaml" }),
          () => referencePlan({ format: "yaml" }),
          () => validatePlan(referenceToml, { format: "yaml" }),
        ]) {
          const err = throwsCode(call, "plan_syntax");
          assert.match(err.message, /unknown plan format "yaml"/);
        }
      });
    });

    test("after a panic in Rust, plans compute again", () => {
      const before = computePlan(reference());
      throwsCode(() => andel.__testPanic(), "internal_error");
      assert.deepEqual(computePlan(reference()), before);
      throwsCode(() => computePlan(referenceToml.replace("participants =", "partcipants ="), { format: "toml" }), "unknown_field");
    });

    describe("schema and JSON", () => {
      test("planSchema is the schema of docs/plan.schema.json", () => {
        const schema = planSchema();
        assert.deepEqual(schema, schemaFile);
        assert.equal(schema.title, "Plan");
        assert.ok(schema.required.includes("members"));
      });

      test("planToJson writes every default out and reads back to the same plan", () => {
        const text = planToJson(referenceToml, { format: "toml" });
        const plan = JSON.parse(text);
        assert.equal(plan.pro_rata, "days");
        assert.equal(plan.credit_in_kind, false);
        assert.deepEqual(plan.key, { type: "per_capita" });
        assert.deepEqual(plan, reference());
        assert.equal(planToJson(plan), text);
        const unsupported = throwsCode(() => planToJson({ format: 2 }), "unsupported_format");
        assert.equal(unsupported.path, "format");
      });

      test("computePlan writes the notes in { lang }", () => {
        const english = computePlan(reference());
        assert.ok(english.notes.length > 0);
        assert.deepEqual(computePlan(reference(), { lang: "en" }), english);
        const swedish = computePlan(referenceToml, { format: "toml", lang: "sv" });
        assert.equal(swedish.notes.length, english.notes.length);
        assert.ok(swedish.notes.every((n) => n.includes("saknas")), swedish.notes.join(" | "));
        // Only the notes differ.
        assert.deepEqual({ ...swedish, notes: english.notes }, english);
        throwsCode(() => computePlan(reference(), { lang: "de" }), "unknown_language");
        throwsCode(() => computePlan(reference(), { lang: 1 }), "invalid_argument");
      });

      test("planToCsv is a row per member and year with the result's figures", () => {
        const result = computePlan(reference());
        const csv = planToCsv(referenceToml, { format: "toml" });
        assert.equal(planToCsv(reference()), csv);
        const [header, ...rows] = csv.trimEnd().split("\n");
        const columns = header.split(",");
        assert.deepEqual(columns.slice(0, 7), ["year", "member", "name", "population", "share", "share_percent", "contribution"]);
        assert.equal(columns.at(-1), "in_kind");
        const members = result.years.flatMap((y) => y.members.map((m) => [y.year, m]));
        assert.equal(rows.length, members.length);
        rows.forEach((row, i) => {
          const [year, m] = members[i];
          // No name of the reference plan needs quoting, so a plain split reads the row.
          const cells = row.split(",");
          const population = m.population ?? "";
          assert.deepEqual(cells.slice(0, 7), [String(year), m.id, m.name, population, m.share, m.share_percent, m.contribution]);
          assert.equal(cells.at(-1), m.in_kind);
        });
        // A name that a spreadsheet would run as a formula is written as text.
        const hostile = reference();
        hostile.members[0].name = "=HYPERLINK(1)";
        assert.match(planToCsv(hostile), /\n2021,[^,]+,'=HYPERLINK\(1\),/);
        throwsCode(() => planToCsv({ format: 2 }), "unsupported_format");
      });
    });
  });
}

test("the Node build's ES module import names the plan functions", async () => {
  const imported = await import(nodeEntry.href);
  for (const name of ["computePlan", "explainPlan", "validatePlan", "referencePlan", "planSchema", "planToJson", "planToCsv"]) {
    assert.equal(typeof imported[name], "function", name);
    assert.equal(imported[name], node[name], name);
  }
});
