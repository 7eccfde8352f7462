// Types of andel's JavaScript API, shared by the web and Node builds.
//
// Decimals cross as strings, in and out. Money (a total, a unit, an amount)
// is a decimal string or a BigInt, never a JS number; weights and the first
// divisor may also be numbers, read through `String(value)`.
//
// Plans (computePlan and the other *Plan functions) are documents in the
// plan format of docs/plan-format.md: a plan and its result keep the format's
// snake_case field names (`first_year`, `share_percent`), so the same JSON
// works in Rust, Python, the command line and here. The functions' own
// options are camelCase, like the rest of this API.

/** Money: a decimal string such as `"1234.50"`, or a BigInt for whole amounts. */
export type Money = string | bigint;

/**
 * A weight (or the first divisor): a decimal string, a BigInt, or a finite
 * number (read through `String(value)`, its shortest exact text).
 */
export type Weight = string | number | bigint;

/** The apportionment methods, by their public names. */
export type Method =
  | "largest_remainder"
  | "largest_ratio"
  | "in_order"
  | "dhondt"
  | "sainte_lague"
  | "huntington_hill";

/** The rounding modes of {@link roundToUnit}, by their public names. */
export type RoundingMode =
  | "half_away_from_zero"
  | "half_even"
  | "up"
  | "down"
  | "toward_zero"
  | "away_from_zero";

/** The settings every split takes besides its weights. */
export interface SplitSettings {
  /** The amount to split; must be a whole multiple of `unit`. */
  total: Money;
  /** The rounding unit, every amount a whole multiple of it. Default `"0.01"`. */
  unit?: Money | null;
  /** How leftover units are handed out. Default `"largest_remainder"`. */
  method?: Method | null;
  /** Sainte-Laguë's first divisor (`"1.2"` in Swedish elections); only with `"sainte_lague"`. */
  firstDivisor?: Weight | null;
}

/** A split of a list of weights; the amounts come back as a list, in the same order. */
export interface ListSplit extends SplitSettings {
  /** One weight per part. */
  weights: readonly Weight[];
  /** Optional names, one per weight: they appear in error messages and in {@link explain}. */
  names?: readonly string[] | null;
}

/**
 * A split of named weights `{ name: weight }`; the amounts come back as an
 * object with the same keys, in the same key order.
 */
export interface NamedSplit<K extends string = string> extends SplitSettings {
  /** The weights by name. */
  weights: Readonly<Record<K, Weight>>;
  /** Not allowed here: the keys of `weights` are the names. */
  names?: undefined | null;
}

/** One part of an {@link Explanation}. Decimals and fractions are strings. */
export interface ExplainedPart {
  /** The name of the weight, or `null` when the weights were not named. */
  name: string | null;
  /** The weight, as read. */
  weight: string;
  /** The exact share of all weights, `weight / Σ weights`, as `"n/d"` (or `"n"`). */
  share: string;
  /** The exact amount before rounding, `total · share`, as `"n/d"` (or `"n"`). */
  quota: string;
  /** The quota as a decimal with as many significant digits as fit (28 or 29), rounded half to even in the last one. */
  quotaDecimal: string;
  /** The amount this part receives, a whole multiple of the unit. */
  amount: string;
  /**
   * Units received beyond the quota rounded toward zero: 0 or 1 for the
   * largest-remainder family; divisor methods may give more, or less than 0.
   */
  leftoverUnits: number;
}

/** A split explained part by part. */
export interface Explanation {
  /** The amount that was split. */
  total: string;
  /** The rounding unit. */
  unit: string;
  /** The method that handed out the leftover units. */
  method: Method;
  /** The first divisor, when one was given, else `null`. */
  firstDivisor: string | null;
  /** One entry per weight, in input order. */
  parts: ExplainedPart[];
}

/**
 * The stable error codes, as {@link errorCodes} lists them: the Rust core's
 * (the same in Rust, Python and JavaScript), then JavaScript's own two,
 * `invalid_argument` and `not_initialized`. New codes may be added.
 */
export type AndelErrorCode =
  | "empty_weights"
  | "negative_weight"
  | "zero_weights"
  | "not_multiple_of_unit"
  | "invalid_unit"
  | "invalid_number"
  | "overflow"
  | "unknown_method"
  | "unknown_rounding"
  | "invalid_first_divisor"
  | "too_few_units"
  | "names_mismatch"
  // Plans (docs/plan-format.md, "Errors").
  | "invalid_date"
  | "plan_syntax"
  | "unknown_field"
  | "missing_field"
  | "unsupported_format"
  | "duplicate_id"
  /** An id with a control character or a bidirectional override (docs/plan-format.md, "Ids"). */
  | "invalid_id"
  | "unknown_member"
  /** A `lang` option other than `"sv"` or `"en"`. */
  | "unknown_language"
  | "unknown_line"
  /** An outcome names funding that the plan does not have in that year. */
  | "unknown_funding"
  /** {@link diffPlans}: the plans are in different currencies or rounding units. */
  | "incomparable_plans"
  | "year_outside_horizon"
  | "missing_figure"
  | "negative_amount"
  | "nobody_to_pay"
  | "impossible_caps"
  | "invalid_key"
  | "invalid_plan"
  /** A bug in andel (a Rust panic). The instance was replaced by a fresh one and can be used again. */
  | "internal_error"
  /** A call shaped wrongly: not an options object, an unknown option, weights neither a list nor an object, … */
  | "invalid_argument"
  /** The web build was used before `init()` finished. */
  | "not_initialized";


/** The one error class of andel: every function throws only this. */
export class AndelError extends Error {
  constructor(
    code: string,
    message: string,
    options?: { cause?: unknown; path?: string; line?: number | null; column?: number | null },
  );
  /** Always `"AndelError"`. */
  readonly name: "AndelError";
  /** The stable snake_case code; compare with this, not with the message. */
  readonly code: AndelErrorCode | (string & {});
  /**
   * For an error at a place in a plan: the field's path, such as
   * `"costs[2].participants[0]"` (`""` for the whole plan). Absent for
   * errors that are not about a place in a plan.
   */
  readonly path?: string;
  /** With `path`: the line in the plan's text, from 1; `null` for a plan given as an object. */
  readonly line?: number | null;
  /** With `path`: the column in the plan's text, from 1; `null` for a plan given as an object. */
  readonly column?: number | null;
}

/**
 * Splits `total` by `weights` into whole multiples of `unit` that add up
 * exactly to `total`.
 *
 * - `weights` a list → the amounts as a list of decimal strings, in order;
 * - `weights` an object `{ name: weight }` → an object with the same keys.
 *
 * @throws {AndelError}
 */
export function allocate(options: ListSplit): string[];
export function allocate<K extends string>(options: NamedSplit<K>): Record<K, string>;

/**
 * A split of whole-number weights held in a typed array, for
 * {@link allocateUnits}: a `BigInt64Array`, or a `Float64Array` whose every
 * element is an exact safe integer (`Number.isSafeInteger`: whole, magnitude
 * at most 2^53 - 1; anything else is refused with `invalid_number`).
 */
export interface UnitSplit extends SplitSettings {
  /** One whole-number weight per part (a negative one is `negative_weight`). */
  weights: BigInt64Array | Float64Array;
}

/**
 * Splits `total` by whole-number weights (such as populations) in a typed
 * array and gives the parts as counts of rounding units, signed like the
 * total: part `i` is `units[i] × unit` (öre for the default unit), and the
 * units sum to `total / unit`. The same split as {@link allocate} gives for
 * the same weights, with no text made per weight: the weights cross into
 * WebAssembly as one copy of the array, and the units come back as one.
 * A part beyond 64 bits of units is `overflow`.
 *
 * @throws {AndelError}
 */
export function allocateUnits(options: UnitSplit): BigInt64Array;

/**
 * Splits like {@link allocate} and explains every part: weight, exact share
 * and quota, amount and leftover units.
 *
 * @throws {AndelError}
 */
export function explain(options: ListSplit | NamedSplit): Explanation;

/**
 * Rounds `amount` to a whole multiple of `unit` (default `"0.01"`) with the
 * named rounding mode (default `"half_away_from_zero"`).
 *
 * @throws {AndelError}
 */
export function roundToUnit(amount: Money, unit?: Money | null, mode?: RoundingMode | null): string;

/** The public names of the apportionment methods, in documentation order. */
export function methods(): Method[];

/** The public names of the rounding modes, in documentation order. */
export function roundingModes(): RoundingMode[];

/**
 * Every code an {@link AndelError} can have: the core's, in the order of
 * its list (the same in Rust and Python), then `invalid_argument` and
 * `not_initialized`. A test keeps {@link AndelErrorCode} equal to it.
 */
export function errorCodes(): AndelErrorCode[];

/** The version of andel, e.g. `"0.1.0"`. */
export function version(): string;

// ---------------------------------------------------------------------------
// Plans: the document (docs/plan-format.md, format 1)
// ---------------------------------------------------------------------------

/**
 * A number in a plan: a decimal string (`"1250000.50"`, `"0.03"`), a whole
 * JS number, or a BigInt (written as its decimal string). Fractional JS
 * numbers are refused where a figure must be exact (`plan_syntax`), and
 * whole numbers beyond `Number.MAX_SAFE_INTEGER` are refused
 * (`invalid_number`): write decimals as strings.
 */
export type PlanNumber = string | number | bigint;

/** A date written `"YYYY-MM-DD"`, e.g. `"2019-12-31"`. */
export type PlanDate = string;

/** The kind of a member. */
export type MemberKind = "municipality" | "region" | "university" | "company" | "other";

/** A collaboration's multi-year budget plan. */
export interface Plan {
  /** The format version; must be 1. */
  format: 1;
  /** The plan's name. */
  name: string;
  /** Currency code, default `"SEK"`. */
  currency?: string;
  /** Rounding unit of every contribution, default `"1"` (whole kronor). */
  unit?: PlanNumber;
  /** How contributions are apportioned, default `"largest_remainder"` (`"huntington_hill"` is refused for plans). */
  method?: Method;
  /** First divisor, for `"sainte_lague"` only. */
  first_divisor?: PlanNumber;
  /** The first budget year. */
  first_year: number;
  /** The number of budget years (the horizon), 1 to 100. */
  years: number;
  /** Which population figure applies to a budget year. */
  population?: PopulationRule;
  /** How a partial year of membership is counted, default `"days"`. */
  pro_rata?: "days" | "months";
  /** How indexed cost lines grow. */
  indexation?: Indexation;
  /** Whether in-kind value is credited against the cash contribution, default false. */
  credit_in_kind?: boolean;
  /** The default allocation key, default `{ type: "per_capita" }`. */
  key?: Key;
  /** The members (at least one). */
  members: Member[];
  /** The cost lines. */
  costs?: CostLine[];
  /** External funding. */
  funding?: Funding[];
  /** Contributions in kind. */
  in_kind?: InKind[];
  /** The members' budget calendar: milestones relative to the budget year (docs/annual-cycle.md). */
  milestones?: Milestone[];
  /** How each year's contributions are invoiced. */
  instalments?: Instalments;
  /** Actual outcomes of budget years, for settlement. */
  outcome?: Outcome[];
}

/** A day of the year written `"MM-DD"`, e.g. `"04-30"`. */
export type MonthDay = string;

/** The figures that go with a milestone. */
export type MilestoneFigures = "none" | "contributions" | "settlement";

/** A milestone of the members' planning cycle, relative to the budget year Y. */
export interface Milestone {
  /** Stable id, unique among the milestones. */
  id: string;
  /** What happens, e.g. "Preliminary contribution notice". */
  name: string;
  /** The day, `"MM-DD"`. */
  date: MonthDay;
  /** The year of the date relative to Y: −1 for Y−1, 0 (the default) for Y, 1 for Y+1; from −10 to 10. */
  offset?: number;
  /** What is due, in words. */
  due: string;
  /** For whom, in words. */
  who?: string;
  /** Which figures go with it, default `"none"`. */
  figures?: MilestoneFigures;
}

/** `count` instalments a year (1 to 12), with their due dates in the budget year. */
export interface Instalments {
  /** Instalments a year, 1 to 12. */
  count: number;
  /** The due dates, `"MM-DD"`, one per instalment, in order. */
  due: MonthDay[];
}

/** The actual outcome of a budget year; lines and funding not named came out as planned. */
export interface Outcome {
  /** The budget year. */
  year: number;
  /** Actual cost per cost line id. */
  costs?: Record<string, PlanNumber>;
  /** Actual amount per funding id (of this year). */
  funding?: Record<string, PlanNumber>;
}

/** A separate outcome file: `[[outcome]]` entries only. */
export interface OutcomeFile {
  outcome: Outcome[];
}

/** Budget year Y uses each member's figure at `month`/`day` of year Y − `years_before`. */
export interface PopulationRule {
  /** The metric that `per_capita` and `per_inhabitant_fee` keys use, default `"population"`. */
  metric?: string;
  /** Years before the budget year, default 2. */
  years_before?: number;
  /** Month of the reference date, default 12. */
  month?: number;
  /** Day of the reference date, default 31. */
  day?: number;
  /** Use the latest earlier figure when the reference date has none (the result says so); default false. */
  carry_forward?: boolean;
}

/** How indexed cost lines grow from their first year. */
export interface Indexation {
  /** One annual rate, e.g. `"0.03"` for 3 %. */
  rate?: PlanNumber;
  /** A rate per year, by year: `{ "2025": "0.028" }`; overrides `rate` for the years it names. */
  rates?: Record<string, PlanNumber>;
  /** How each year's indexed amount is rounded to the unit, default `"half_away_from_zero"`. */
  rounding?: RoundingMode;
}

/** A member of the collaboration. */
export interface Member {
  /** Stable id, used everywhere else in the plan. */
  id: string;
  /** Display name. */
  name: string;
  /** Kind of member, default `"municipality"`. */
  kind?: MemberKind;
  /** Whether the member pays cash, default true; false for members taking part in kind only. */
  paying?: boolean;
  /** First day of membership. */
  joins?: PlanDate;
  /** Last day of membership. */
  leaves?: PlanDate;
  /** Series by date per metric: `{ population: { "2019-12-31": 102767 } }`. */
  metrics?: Record<string, Record<PlanDate, PlanNumber>>;
}

/** A cost line: one-off (`year`) or recurring (`from`, optional `to`). */
export interface CostLine {
  /** Stable id. */
  id: string;
  /** Display name. */
  name: string;
  /** The amount per year (in its first year, if indexed); left out for a `per_inhabitant_fee` or `banded` key. */
  amount?: PlanNumber;
  /** The year of a one-off cost. */
  year?: number;
  /** The first year of a recurring cost. */
  from?: number;
  /** The last year of a recurring cost; default the plan's last year. */
  to?: number;
  /** Whether the amount follows the plan's indexation. */
  indexed?: boolean;
  /** Only these member ids share the line (a working group); default all paying members. */
  participants?: string[];
  /** A key for this line instead of the plan's. */
  key?: Key;
}

/** External money that reduces what the members share. */
export interface Funding {
  /** Stable id. */
  id: string;
  /** Display name, e.g. the start grant from Tillväxtverket. */
  name: string;
  /** The budget year it funds. */
  year: number;
  /** The amount. */
  amount: PlanNumber;
  /** The cost line it is earmarked for; otherwise it reduces every line of the year. */
  line?: string;
}

/** A member's contribution in kind: `hours × rate`, or an `amount`, per year. */
export interface InKind {
  /** The member's id. */
  member: string;
  /** What is contributed. */
  description?: string;
  /** A single year. */
  year?: number;
  /** First year of a recurring contribution. */
  from?: number;
  /** Last year of a recurring contribution; default the plan's last year. */
  to?: number;
  /** Hours per year. */
  hours?: PlanNumber;
  /** Value of an hour. */
  rate?: PlanNumber;
  /** Value per year, instead of hours × rate. */
  amount?: PlanNumber;
}

/** By population, at the date of the plan's population rule. */
export interface PerCapitaKey {
  type: "per_capita";
}
/** In equal parts. */
export interface EqualKey {
  type: "equal";
}
/** By any metric of the members, at the population rule's date. */
export interface MetricKey {
  type: "metric";
  /** The metric's name, e.g. `"employees"`. */
  metric: string;
}
/** By explicit weights per member id; members not named weigh 0. */
export interface WeightsKey {
  type: "weights";
  weights: Record<string, PlanNumber>;
}
/** Some members pay fixed shares (e.g. a region 0.25); the rest is shared among the others by `rest`. */
export interface FixedSharesKey {
  type: "fixed_shares";
  /** Share per member id, as a fraction of 1. */
  shares: Record<string, PlanNumber>;
  rest: Key;
}
/** Some members pay fixed amounts per year; the rest is shared among the others by `rest`. */
export interface FixedAmountsKey {
  type: "fixed_amounts";
  /** Amount per member id. */
  amounts: Record<string, PlanNumber>;
  rest: Key;
}
/** One part of a {@link BlendKey}. */
export interface BlendPart {
  /** The part's weight, as a fraction of 1. */
  weight: PlanNumber;
  key: Key;
}
/** A weighted mix of keys, e.g. 0.3 equal + 0.7 per capita; the weights add up to 1. */
export interface BlendKey {
  type: "blend";
  parts: BlendPart[];
}
/** A fee per inhabitant and year; the line's total follows from it (leave the line's `amount` out). */
export interface PerInhabitantFeeKey {
  type: "per_inhabitant_fee";
  fee: PlanNumber;
}
/** One band of a {@link BandedKey}: population from the previous band's `below` (0 for the first), included, to this band's `below`, not included. */
export interface Band {
  /** The upper edge, not included; left out for the last band (open-ended). */
  below?: PlanNumber;
  /** The fee a year of a member in this band, a whole multiple of the unit. */
  fee: PlanNumber;
}
/** A fixed fee per member by its population band, re-banded every year by the reference date; the line's total follows from the fees (leave the line's `amount` out, and `indexed`). Only a line's own key or the plan's, never inside another key. */
export interface BandedKey {
  type: "banded";
  /** The bands, in increasing `below`; the last without `below`. */
  bands: Band[];
}
/** Another key with caps and floors. */
export interface LimitedKey {
  type: "limited";
  /** The key being limited. */
  key: Key;
  /** The largest share any member pays, e.g. `"0.4"`. */
  max_share?: PlanNumber;
  /** The largest amount per member id. */
  max_amount?: Record<string, PlanNumber>;
  /** The smallest amount per member id. */
  min_amount?: Record<string, PlanNumber>;
}

/** How a cost is shared among the members who pay it; `type` tells which. */
export type Key =
  | PerCapitaKey
  | EqualKey
  | MetricKey
  | WeightsKey
  | FixedSharesKey
  | FixedAmountsKey
  | BlendKey
  | PerInhabitantFeeKey
  | BandedKey
  | LimitedKey;

// ---------------------------------------------------------------------------
// What the core computes (a plan's result, an explanation, the annual
// cycle's outputs), generated from core's types (results.d.ts,
// scripts/gen-shapes). Decimals are strings; exact fractions are "n/d" strings.
// ---------------------------------------------------------------------------

import type {
  Calendar, CalendarEntry, Cause, CauseKind, ChangeExplanation, Invoice, InvoiceRun, Invoices,
  LineAmount, LineResult, LineSettlement, MemberDiff, MemberFigure, MemberSettlement, MemberTotal,
  MemberYear, Membership, PlanExplanation, PlanResult, ScenarioDiff, Settlement, YearDiff, YearResult
} from "./results";
export type {
  Calendar, CalendarEntry, Cause, CauseKind, ChangeExplanation, Invoice, InvoiceRun, Invoices,
  LineAmount, LineResult, LineSettlement, MemberDiff, MemberFigure, MemberSettlement, MemberTotal,
  MemberYear, Membership, PlanExplanation, PlanResult, ScenarioDiff, Settlement, YearDiff, YearResult
} from "./results";

/** A language of human-readable output: Swedish (sv-SE figures, `kr`) or English. */
export type Lang = "sv" | "en";

/** The language of the text a function returns. */
export interface LangOptions {
  /**
   * `"sv"` or `"en"`; absent or `null`: the core's default for the plan's
   * currency, Swedish for SEK and English otherwise. Another code throws
   * `unknown_language`.
   */
  lang?: Lang | null;
}

// ---------------------------------------------------------------------------
// The annual cycle (docs/annual-cycle.md): its results, like the plan's and
// the explanation's, are generated from core's types (results.d.ts).
// ---------------------------------------------------------------------------

/** One problem found by {@link validatePlan}. */
export interface PlanProblem {
  /** The stable code, as on {@link AndelError}. */
  code: AndelErrorCode | (string & {});
  /** What is wrong, and where. */
  message: string;
  /** The field's path, such as `"costs[2].participants[0]"`; `""` for the whole plan. */
  path: string;
  /** The line in the plan's text, from 1; `null` for a plan given as an object, or when not known. */
  line: number | null;
  /** The column in the plan's text, from 1; `null` like `line`. */
  column: number | null;
}

/** The text formats a plan can be given in. */
export type PlanFormat = "toml" | "json";

/** Options for a plan given as text: its format is required. */
export interface PlanTextOptions {
  format: PlanFormat;
}

/** Options for a plan given as an object (read as JSON). */
export interface PlanObjectOptions {
  format?: "json" | null;
}

/** The JSON Schema (draft 2020-12) of the plan format. */
export interface PlanJsonSchema {
  $schema: string;
  title: string;
  description?: string;
  [keyword: string]: unknown;
}

/**
 * One year's total shared by one key (`referenceBudget()` gives one): the
 * smallest plan, and what the embeddable calculator computes. A budget
 * follows every rule of the equivalent one-year plan; its errors name
 * places in the budget (`total`, `key.fixed`, `members[2].population`).
 */
export interface Budget {
  /** The budget year. */
  year: number;
  /** Currency code (default "SEK"). */
  currency?: string | null;
  /** The amount the members share. */
  total: Money;
  /** Every contribution is a whole multiple of this (default "1"). */
  unit?: Money | null;
  /** Apportionment method (default "largest_remainder"). */
  method?: Method | null;
  /** How the total is shared (default "per_capita"). */
  key?: BudgetKeyName | BudgetKey | null;
  /** The members, in the order the result lists them. */
  members: BudgetMember[];
}

/** The keys a budget offers, by name. */
export type BudgetKeyName = "per_capita" | "equal" | "blend" | "fixed_shares";

/**
 * A budget's key: by population, in equal parts, a blend (the part `fixed`
 * of the total, from 0 to 1, in equal parts and the rest by population),
 * or fixed shares for the members named (fractions of 1) with the rest by
 * population.
 */
export type BudgetKey =
  | { type: "per_capita" }
  | { type: "equal" }
  | { type: "blend"; fixed: Weight }
  | { type: "fixed_shares"; shares: Record<string, Weight> };

/** A member of a budget. */
export interface BudgetMember {
  /** Unique id; fixed shares name members by it. */
  id: string;
  /** Display name (default: the id). */
  name?: string | null;
  /** Inhabitants; needed by every key that goes by population. */
  population?: Weight | null;
}

/**
 * Every member's contribution to a one-year budget: the same result as
 * {@link computePlan} gives for the equivalent plan.
 *
 * @throws {AndelError} with `path` in the budget for a problem in it;
 *   `invalid_argument` for a budget shaped wrongly
 */
export function computeBudget(budget: Budget): PlanResult;

/**
 * The budget's contributions as the core's CSV text: the columns of
 * {@link planToCsv} (`year,member,name,population,share,share_percent,contribution`,
 * a column per cost line, `in_kind`), one row per member.
 *
 * @throws {AndelError} like {@link computeBudget}
 */
export function budgetToCsv(budget: Budget): string;

/**
 * The bundled reference case as a budget: the first year of the reference
 * plan, its net cost shared per capita among its paying members.
 */
export function referenceBudget(): Budget & { currency: string; unit: string; method: Method; key: BudgetKey };

/**
 * Computes every member's contribution for every budget year.
 *
 * `plan` is a plan object, or its text with `{ format: "toml" }` or
 * `{ format: "json" }`. With `{ lang: "sv" }` or `"en"` the result's
 * `notes` are written by the core in that language (without: English).
 *
 * @throws {AndelError} with `path` (and, for text, `line` and `column`) for
 *   a problem in the plan; `unknown_language` for another `lang`
 */
export function computePlan(plan: Plan, options?: (PlanObjectOptions & LangOptions) | null): PlanResult;
export function computePlan(text: string, options: PlanTextOptions & LangOptions): PlanResult;

/**
 * How `member`'s contribution in budget year `year` arose, in words and
 * numbers.
 *
 * @throws {AndelError} `unknown_member`, `year_outside_horizon`, or any error of {@link computePlan}
 */
export function explainPlan(
  plan: Plan,
  member: string,
  year: number | bigint,
  options?: (PlanObjectOptions & LangOptions) | null,
): PlanExplanation;
export function explainPlan(
  text: string,
  member: string,
  year: number | bigint,
  options: PlanTextOptions & LangOptions,
): PlanExplanation;

/**
 * Every problem in a plan (not only the first), each with its place; an
 * empty array when the plan is sound and computes. Problems are returned,
 * not thrown; only a call shaped wrongly throws.
 */
export function validatePlan(plan: Plan, options?: PlanObjectOptions | null): PlanProblem[];
export function validatePlan(text: string, options: PlanTextOptions): PlanProblem[];

/**
 * The bundled reference case (six municipalities and a university; real
 * populations, illustrative amounts): an object, or its text with
 * `{ format: "toml" }` (as written, with comments) or `{ format: "json" }`.
 */
export function referencePlan(options?: { format?: null } | null): Plan;
export function referencePlan(options: PlanTextOptions): string;

/** The JSON Schema of the plan format, for editors and forms that validate plans. */
export function planSchema(): PlanJsonSchema;

/**
 * A plan as pretty JSON text with every default written out (a TOML plan
 * converted, for example). The plan is checked first.
 *
 * @throws {AndelError} like {@link computePlan}
 */
export function planToJson(plan: Plan, options?: PlanObjectOptions | null): string;
export function planToJson(text: string, options: PlanTextOptions): string;

/**
 * Every member's contribution for every budget year as the core's CSV text:
 * the header `year,member,name,population,share,share_percent,contribution`, a column
 * per cost line, `in_kind`; a row per member and year, figures with a
 * decimal point, text cells guarded against spreadsheet formulas. The same
 * text as `andel plan --format csv` and Python's `PlanResult.to_csv()`.
 *
 * @throws {AndelError} like {@link computePlan}
 */
export function planToCsv(plan: Plan, options?: PlanObjectOptions | null): string;
export function planToCsv(text: string, options: PlanTextOptions): string;

// ---------------------------------------------------------------------------
// The annual cycle (docs/annual-cycle.md).
// ---------------------------------------------------------------------------

/**
 * The format of an outcome given as text; absent, core tells them apart
 * (JSON when the text starts with `{`, else TOML).
 */
export interface OutcomeTextOptions {
  outcomeFormat?: PlanFormat | null;
}

/**
 * The members' budget calendar: every milestone of every budget year, with
 * its date and the figures that go with it. With `{ ics: true }`, the
 * calendar as iCalendar (RFC 5545) text instead.
 *
 * @throws {AndelError} like {@link computePlan}
 */
export function planCalendar(plan: Plan, options?: (PlanObjectOptions & { ics?: false | null }) | null): Calendar;
export function planCalendar(text: string, options: PlanTextOptions & { ics?: false | null }): Calendar;
export function planCalendar(plan: Plan, options: PlanObjectOptions & { ics: true }): string;
export function planCalendar(text: string, options: PlanTextOptions & { ics: true }): string;
/** With `ics` not known until run time: either. */
export function planCalendar(
  plan: Plan | string,
  options: (PlanObjectOptions | PlanTextOptions) & { ics?: boolean | null },
): Calendar | string;

/** The members' budget calendar as iCalendar (RFC 5545) text, one all-day event per milestone and year. */
export function planCalendarIcs(plan: Plan, options?: PlanObjectOptions | null): string;
export function planCalendarIcs(text: string, options: PlanTextOptions): string;

/** Options of {@link planInvoices}. */
export interface InvoicesOptions {
  /**
   * Put the previous year's settlement on each member's first instalment:
   * from `outcome` when given, else from the plan's own outcome.
   */
  settle?: boolean | null;
  /** A separate outcome file (an object, or its text with `outcomeFormat`); implies `settle`. */
  outcome?: OutcomeFile | string | null;
  /** The format of an outcome given as text. */
  outcomeFormat?: PlanFormat | null;
}

/**
 * The invoices of `year`'s instalments (the plan's `instalments`): each
 * member's instalments add up to its contribution and each run to the net
 * cost split evenly.
 *
 * @throws {AndelError} `invalid_plan` (no instalments; with `settle`, no
 *   outcome of the previous year), `year_outside_horizon`,
 *   `unknown_funding` or `unknown_line` (in the outcome), or any error of
 *   {@link computePlan}
 */
export function planInvoices(plan: Plan, year: number | bigint, options?: (PlanObjectOptions & InvoicesOptions) | null): Invoices;
export function planInvoices(text: string, year: number | bigint, options: PlanTextOptions & InvoicesOptions): Invoices;

/**
 * The settlement of `year`'s actual outcome: each member's actual
 * contribution minus its planned one, adding up to the change in net cost.
 * The outcome is `outcome` (an outcome file as an object, or its text with
 * `{ outcomeFormat }`, which may be left out) when given, else the plan's
 * own outcome of `year`.
 * An error in `outcome` has its place in the outcome.
 *
 * @throws {AndelError} `unknown_funding`, `unknown_line`, `invalid_plan`
 *   (no outcome for the year), or any error of {@link computePlan}
 */
export function settlePlan(plan: Plan, year: number | bigint, outcome?: OutcomeFile | null, options?: PlanObjectOptions | null): Settlement;
export function settlePlan(plan: Plan, year: number | bigint, outcome: string, options: PlanObjectOptions & OutcomeTextOptions): Settlement;
export function settlePlan(text: string, year: number | bigint, outcome: OutcomeFile | null | undefined, options: PlanTextOptions): Settlement;
export function settlePlan(text: string, year: number | bigint, outcome: string, options: PlanTextOptions & OutcomeTextOptions): Settlement;

/** Options of {@link diffPlans}: `format` for plans given as text, `formatB` for plan B when it differs. */
export interface DiffOptions {
  format?: PlanFormat | null;
  formatB?: PlanFormat | null;
}

/**
 * How plan `b` differs from plan `a` (scenarios): b − a per member and
 * year, in amount and percent. An error in plan B has its place in B.
 *
 * @throws {AndelError} `incomparable_plans` (different currencies or
 *   units, or more than 30 000 000 figures together: members of either
 *   plan × (years of either plan + 1)), or any error of
 *   {@link computePlan} for either plan
 */
export function diffPlans(a: Plan | string, b: Plan | string, options?: DiffOptions | null): ScenarioDiff;

/** Options of {@link whyChanged}: only this member's, or only this year's, changes. */
export interface WhyOptions extends LangOptions {
  member?: string | null;
  year?: number | bigint | null;
}

/**
 * Why each member's contribution changed from the previous year, cause by
 * cause, the causes adding up exactly to the change; for every member and
 * every year after the first, or only `member`'s or `year`'s.
 *
 * @throws {AndelError} `unknown_member`, `year_outside_horizon`,
 *   `invalid_plan` (the plan's first year, which has no previous one), or
 *   any error of {@link computePlan}
 */
export function whyChanged(plan: Plan, options?: (PlanObjectOptions & WhyOptions) | null): ChangeExplanation[];
export function whyChanged(text: string, options: PlanTextOptions & WhyOptions): ChangeExplanation[];

/**
 * A plan read, checked and computed once, to ask several questions of
 * without reading it again (each *Plan function reads and computes its
 * plan anew). The core's computed plan stays in the WebAssembly instance
 * until {@link ComputedPlan.free} (or until the object is garbage
 * collected); after an internal error restarted the instance, it is
 * computed again from its source on the next call. Errors are placed in
 * the plan as by the functions.
 */
export interface ComputedPlan {
  /** As {@link computePlan}: the notes in `lang` when given (else English). */
  result(options?: LangOptions | null): PlanResult;
  /** As {@link planToJson}. */
  toJson(): string;
  /** As {@link planToCsv}. */
  csv(): string;
  /** As {@link explainPlan}. @throws {AndelError} `unknown_member`, `year_outside_horizon` */
  explain(member: string, year: number | bigint, options?: LangOptions | null): PlanExplanation;
  /** As {@link whyChanged}. */
  whyChanged(options?: WhyOptions | null): ChangeExplanation[];
  /** As {@link planCalendar} (full package only; `invalid_argument` in the plan page's). */
  calendar(options?: { ics?: false | null } | null): Calendar;
  calendar(options: { ics: true }): string;
  /** As {@link planInvoices} (full package only). */
  invoices(year: number | bigint, options?: InvoicesOptions | null): Invoices;
  /** As {@link settlePlan} (full package only). */
  settle(year: number | bigint, outcome?: OutcomeFile | null): Settlement;
  settle(year: number | bigint, outcome: string, options?: OutcomeTextOptions | null): Settlement;
  /** As {@link diffPlans}: how `other` differs from this plan (other − this). Full package only. */
  diff(other: ComputedPlan): ScenarioDiff;
  /** Releases the core's computed plan; any later call is `invalid_argument`. */
  free(): void;
}

/**
 * Reads, checks and computes a plan once, for several questions.
 *
 * @throws {AndelError} like {@link computePlan}
 */
export function computedPlan(plan: Plan, options?: PlanObjectOptions | null): ComputedPlan;
export function computedPlan(text: string, options: PlanTextOptions): ComputedPlan;
