// Compiled with `tsc --noEmit` by scripts/test-js: the hand-written types of
// both builds must compile, give real types (not `any`), and refuse the
// calls the runtime refuses. A `@ts-expect-error` line that compiles fails.
import {
  allocate,
  allocateUnits,
  explain,
  methods,
  roundToUnit,
  roundingModes,
  version,
  AndelError,
  type AndelErrorCode,
  type Explanation,
  type Method,
  type RoundingMode,
  computePlan,
  explainPlan,
  validatePlan,
  referencePlan,
  planSchema,
  planToJson,
  planToCsv,
  type Plan,
  type PlanResult,
  type PlanProblem,
  type Key,
  planCalendar,
  planCalendarIcs,
  planInvoices,
  settlePlan,
  diffPlans,
  whyChanged,
  computedPlan,
  type ComputedPlan,
  type Calendar,
  type Invoices,
  type Settlement,
  type ScenarioDiff,
  type ChangeExplanation,
  type CauseKind,
} from "andel";
import init, {
  initSync,
  allocate as webAllocate,
  computePlan as webComputePlan,
  AndelError as WebAndelError,
} from "andel-web";

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: [
  IsAny<ReturnType<typeof explain>>,
  IsAny<ReturnType<typeof roundToUnit>>,
  IsAny<AndelError["code"]>,
  IsAny<Parameters<typeof allocate>[0]>,
] = [false, false, false, false];

// Typed arrays of whole numbers give units as a BigInt64Array.
const units: BigInt64Array = allocateUnits({ total: "100", weights: new BigInt64Array([1n, 2n]) });
const safeUnits: BigInt64Array = allocateUnits({ total: 100n, unit: "1", weights: Float64Array.of(1, 2) });
// @ts-expect-error a plain array is allocate's, not allocateUnits'
allocateUnits({ total: "1", weights: [1, 2] });
// @ts-expect-error names are not taken
allocateUnits({ total: "1", weights: new BigInt64Array(1), names: ["a"] });
void units;
void safeUnits;

// A list of weights gives a list; an object gives the same keys.
const list: string[] = allocate({ total: "100", weights: [1, "2", 3n], names: ["a", "b", "c"] });
const named: Record<"Båstad" | "Hylte", string> = allocate({
  total: 1000n,
  unit: "1",
  method: "sainte_lague",
  firstDivisor: 1.2,
  weights: { Båstad: 15128, Hylte: 10815 },
});
const one: string = named.Hylte;

const e: Explanation = explain({ total: "10", weights: { a: 1 } });
const left: number = e.parts[0].leftoverUnits;
const share: string = e.parts[0].share;
const name: string | null = e.parts[0].name;
const divisor: string | null = e.firstDivisor;
const method: Method = e.method;

const rounded: string = roundToUnit("2.005", "0.01", "half_even");
const allMethods: Method[] = methods();
const allModes: RoundingMode[] = roundingModes();
const v: string = version();

try {
  allocate({ total: "1", weights: [] });
} catch (err) {
  if (err instanceof AndelError) {
    const code: AndelErrorCode | (string & {}) = err.code;
    const isName: "AndelError" = err.name;
    const message: string = err.message;
    const asError: Error = err;
    void [code, isName, message, asError];
  }
}

// @ts-expect-error money is never a JS number
allocate({ total: 100, weights: [1] });
// @ts-expect-error the unit is money too
allocate({ total: "100", unit: 0.01, weights: [1] });
// @ts-expect-error unknown method name
allocate({ total: "1", weights: [1], method: "hare" });
// @ts-expect-error names come from the keys of an object of weights
allocate({ total: "1", weights: { a: 1 }, names: ["a"] });
// @ts-expect-error weights are required
allocate({ total: "1" });
// @ts-expect-error leftoverUnits is a number
const wrongLeft: string = e.parts[0].leftoverUnits;
// @ts-expect-error unknown rounding mode
roundToUnit("1", "1", "half_up");
// @ts-expect-error the amount is money
roundToUnit(1.5);

// The web build: init first, same API.
await init();
await init({ module_or_path: new URL("https://example.invalid/andel_wasm_bg.wasm") });
initSync({ module: new Uint8Array(8) });
const webList: string[] = webAllocate({ total: "1", weights: [1] });
const sameShape: typeof WebAndelError.prototype.code = "negative_weight";

// Plans: real types for the document, the result and the problems.
const planNotAny: [
  IsAny<ReturnType<typeof computePlan>>,
  IsAny<ReturnType<typeof explainPlan>>,
  IsAny<ReturnType<typeof validatePlan>>,
  IsAny<ReturnType<typeof planSchema>>,
  IsAny<Parameters<typeof validatePlan>[0]>,
  IsAny<Plan["members"][number]>,
  IsAny<PlanResult["years"][number]["members"][number]>,
  IsAny<Key>,
] = [false, false, false, false, false, false, false, false];

const plan: Plan = {
  format: 1,
  name: "Example",
  first_year: 2025,
  years: 2,
  population: { years_before: 2, carry_forward: true },
  indexation: { rate: "0.03", rates: { "2026": "0.028" }, rounding: "half_even" },
  members: [
    { id: "a", name: "A", metrics: { population: { "2023-12-31": 2000, "2024-12-31": 2100n } } },
    { id: "b", name: "B", kind: "region", joins: "2025-07-01", metrics: { population: { "2023-12-31": "1000" } } },
    { id: "u", name: "U", kind: "university", paying: false },
  ],
  costs: [
    { id: "pm", name: "Project management", amount: "100000", from: 2025, indexed: true },
    {
      id: "wg",
      name: "Working group",
      amount: 50000,
      year: 2026,
      participants: ["a", "b"],
      key: {
        type: "blend",
        parts: [
          { weight: "0.3", key: { type: "equal" } },
          { weight: "0.7", key: { type: "limited", key: { type: "per_capita" }, max_share: "0.6" } },
        ],
      },
    },
    { id: "fee", name: "Fee", from: 2025, key: { type: "per_inhabitant_fee", fee: "42.25" } },
    {
      id: "banded",
      name: "Banded fee",
      from: 2025,
      key: { type: "banded", bands: [{ below: 15000, fee: "20000" }, { below: "25000", fee: 25000 }, { fee: "30000" }] },
    },
  ],
  funding: [{ id: "grant", name: "Start grant", year: 2025, amount: "20000", line: "pm" }],
  in_kind: [{ member: "u", from: 2025, hours: "400", rate: "700" }],
};
// @ts-expect-error: a band has a fee
const noFee: Key = { type: "banded", bands: [{ below: 15000 }] };
const band: CauseKind = "band";
const fixed: Key = { type: "fixed_shares", shares: { b: "0.25" }, rest: { type: "weights", weights: { a: "2" } } };
const result: PlanResult = computePlan(plan);
const fromToml: PlanResult = computePlan("format = 1", { format: "toml" });
const firstYear: number = result.years[0].year;
const net: string = result.years[0].net;
const contribution: string = result.years[0].members[0].contribution;
const population: string | null = result.years[0].members[0].population;
const lineAmount: string = result.years[0].members[0].lines[0].amount;
// @ts-expect-error: a line amount has no exact_decimal in the JSON (results.d.ts is generated from core)
result.years[0].members[0].lines[0].exact_decimal;
const horizonTotal: string = result.total;
const unitWord: "days" | "months" | undefined = result.years[0].members[0].membership?.unit;
const days: number | undefined = result.years[0].members[0].membership?.counted;
const why: string[] = explainPlan(plan, "a", 2025).lines;
const whyText: string = explainPlan("{}", "a", 2025n, { format: "json" }).contribution;
const problems: PlanProblem[] = validatePlan(plan);
const problemLine: number | null = problems[0].line;
const problemPath: string = problems[0].path;
const reference: Plan = referencePlan();
const referenceToml: string = referencePlan({ format: "toml" });
const schemaUri: string = planSchema().$schema;
const asJson: string = planToJson(reference);
const asCsv: string = planToCsv("x", { format: "toml" });
const webResult: PlanResult = webComputePlan(reference);
try {
  computePlan(plan);
} catch (err) {
  if (err instanceof AndelError) {
    const where: string | undefined = err.path;
    const at: number | null | undefined = err.line;
    void [where, at];
  }
}

// @ts-expect-error a misspelt field is not part of the plan format
computePlan({ ...plan, costs: [{ id: "x", name: "X", amount: "1", year: 2025, partcipants: ["a"] }] });
// @ts-expect-error the format version is 1
computePlan({ ...plan, format: 2 });
// @ts-expect-error members are required
computePlan({ format: 1, name: "No members", first_year: 2025, years: 1 });
// @ts-expect-error a blend key needs its parts
computePlan({ ...plan, key: { type: "blend" } });
// @ts-expect-error no such key type
computePlan({ ...plan, key: { type: "per_household" } });
// @ts-expect-error a metric key names its metric
const noMetric: Key = { type: "metric" };
// @ts-expect-error amounts are decimal strings, numbers or BigInts, not booleans
computePlan({ ...plan, funding: [{ id: "g", name: "G", year: 2025, amount: true }] });
// @ts-expect-error a plan given as text needs its format
computePlan("format = 1");
// @ts-expect-error no such text format
computePlan("format: 1", { format: "yaml" });
// @ts-expect-error a plan object is read as JSON, not TOML
computePlan(plan, { format: "toml" });
// @ts-expect-error the year is a number
explainPlan(plan, "a", "2025");
const swedish: string[] = explainPlan(plan, "a", 2025, { lang: "sv" }).lines;
const english: string = explainPlan("{}", "a", 2025, { format: "json", lang: "en" }).contribution;
// @ts-expect-error only sv and en
explainPlan(plan, "a", 2025, { lang: "de" });
// @ts-expect-error results are strings, not numbers
const wrongNet: number = result.years[0].net;

void [notAny, list, one, left, share, name, divisor, method, rounded, allMethods, allModes, v, wrongLeft, webList, sameShape];
void [planNotAny, noFee, band, fixed, fromToml, firstYear, net, contribution, population, lineAmount, days, why, whyText];
void [problemLine, problemPath, referenceToml, schemaUri, asJson, asCsv, webResult, noMetric, wrongNet, swedish, english];
export {};

// The annual cycle.
const cyclePlan: Plan = {
  format: 1,
  name: "x",
  first_year: 2025,
  years: 2,
  members: [{ id: "a", name: "A" }],
  milestones: [{ id: "m", name: "M", date: "04-30", offset: -1, due: "d", figures: "contributions" }],
  instalments: { count: 2, due: ["03-31", "09-30"] },
  outcome: [{ year: 2025, costs: { l: "1" }, funding: { f: 2n } }],
};
const cal: Calendar = planCalendar(cyclePlan);
const calDate: string = cal.entries[0].date;
const icsText: string = planCalendar(cyclePlan, { ics: true });
const either: Calendar | string = planCalendar(cyclePlan, { ics: Math.random() > 0.5 });
const icsText2: string = planCalendarIcs("x", { format: "toml" });
const inv: Invoices = planInvoices(cyclePlan, 2026, { settle: true });
const invTotal: string = inv.runs[0].invoices[0].total;
const inv2: Invoices = planInvoices("x", 2026n, { format: "toml", outcome: "y", outcomeFormat: "toml" });
const settled: Settlement = settlePlan(cyclePlan, 2025);
const refund: string = settlePlan("x", 2025, { outcome: [] }, { format: "json" }).members[0].settlement;
const settled2: Settlement = settlePlan(cyclePlan, 2025, "[[outcome]]", { outcomeFormat: "toml" });
const d: ScenarioDiff = diffPlans(cyclePlan, "x", { formatB: "toml" });
const pct: string | null = d.years[0].members[0].change_percent;
const whys: ChangeExplanation[] = whyChanged(cyclePlan, { member: "a", year: 2026 });
const kind: CauseKind = whys[0].causes[0].kind;
const whyInWords: string = whyChanged(cyclePlan, { member: "a", lang: "en" })[0].text;
const cycleCodes: AndelErrorCode[] = ["unknown_funding", "incomparable_plans"];
const cycleNotAny: [IsAny<ReturnType<typeof settlePlan>>, IsAny<ReturnType<typeof whyChanged>>] = [false, false];
// @ts-expect-error: an outcome given as text needs its format
settlePlan(cyclePlan, 2025, "[[outcome]]");
// @ts-expect-error: a plan as text needs its format
planInvoices("x", 2026);
// @ts-expect-error: not a cause
const notKind: CauseKind = "weather";

// A plan computed once, asked several questions.
const once: ComputedPlan = computedPlan(cyclePlan);
const onceText: ComputedPlan = computedPlan("x", { format: "toml" });
const onceResult: PlanResult = once.result({ lang: "sv" });
const onceWhy: string = once.explain("a", 2026n, { lang: "en" }).lines[0];
const onceChanges: ChangeExplanation[] = once.whyChanged({ member: "a" });
const onceCalendar: Calendar = once.calendar();
const onceIcs: string = once.calendar({ ics: true });
const onceInvoices: Invoices = once.invoices(2026, { settle: true });
const onceSettled: Settlement = once.settle(2025, "[[outcome]]", { outcomeFormat: "toml" });
const onceDiff: ScenarioDiff = once.diff(onceText);
const onceNotAny: [IsAny<ReturnType<typeof once.result>>, IsAny<ReturnType<typeof computedPlan>>] = [false, false];
once.free();
// @ts-expect-error: a plan as text needs its format
computedPlan("x");
// @ts-expect-error: diff takes a computed plan, not a plan
once.diff(cyclePlan);
void [onceResult, onceWhy, onceChanges, onceCalendar, onceIcs, onceInvoices, onceSettled, onceDiff, onceNotAny];

// Budgets: one year's total shared by one key, in both builds.
import { computeBudget, referenceBudget, type Budget, type BudgetKey } from "andel";
const budget: Budget = {
  year: 2025,
  total: "1250000",
  key: { type: "blend", fixed: "0.3" },
  members: [{ id: "a", name: "A", population: 3000 }, { id: "b", population: "1000" }],
};
const budgetResult: PlanResult = computeBudget(budget);
const byName: PlanResult = computeBudget({ year: 2025, total: 100n, key: "equal", members: [{ id: "a" }] });
const referenceKey: BudgetKey = referenceBudget().key;
const referenceYear: number = referenceBudget().year;
const budgetNotAny: [IsAny<ReturnType<typeof computeBudget>>, IsAny<Parameters<typeof computeBudget>[0]>] = [false, false];
// @ts-expect-error: money is never a JS number
computeBudget({ year: 2025, total: 100, members: [] });
// @ts-expect-error: a budget has a year
computeBudget({ total: "100", members: [] });
// @ts-expect-error: a blend needs its fixed part
const noFixed: BudgetKey = { type: "blend" };
// @ts-expect-error: not a budget key
computeBudget({ year: 2025, total: "1", key: "metric", members: [] });

// The calculator's build: budgets only.
import initCalculator, * as calculator from "andel-calculator";
const calculatorReady: Promise<void> = initCalculator();
const calculatorResult: PlanResult = calculator.computeBudget(calculator.referenceBudget());
const calculatorCsv: string = calculator.budgetToCsv(calculator.referenceBudget());
const calculatorBudget: calculator.Budget = calculator.referenceBudget();
const calculatorVersion: string = calculator.version();
// @ts-expect-error: the calculator's build has no plans
calculator.computePlan(referencePlan());
// @ts-expect-error: nor allocate
calculator.allocate({ total: "1", weights: [1] });

// The plan page's build: plans computed, explained, why, JSON and CSV.
import initPlan, * as planBuild from "andel-plan";
const planReady: Promise<void> = initPlan();
const planResult: PlanResult = planBuild.computePlan(referencePlan(), { lang: "sv" });
const planCsv: string = planBuild.planToCsv(referencePlan());
const planBuildVersion: string = planBuild.version();
const planOnce: string = planBuild.computedPlan(referencePlan()).csv();
// @ts-expect-error: the plan build has no allocate
planBuild.allocate({ total: "1", weights: [1] });
// @ts-expect-error: nor the annual cycle
planBuild.planCalendar(referencePlan());
// @ts-expect-error: nor budgets (the calculator's)
planBuild.computeBudget(planBuild.referenceBudget());
void [planReady, planResult, planCsv, planBuildVersion, planOnce];
