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
 * The stable error codes. The first group comes from the Rust core and is
 * the same in Rust, Python and JavaScript; the last three are JavaScript's
 * own. New codes may be added.
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
  | "unknown_member"
  | "unknown_line"
  | "year_outside_horizon"
  | "missing_figure"
  | "negative_amount"
  | "nobody_to_pay"
  | "impossible_caps"
  | "invalid_key"
  | "invalid_plan"
  /** A call shaped wrongly: not an options object, an unknown option, weights neither a list nor an object, … */
  | "invalid_argument"
  /** The web build was used before `init()` finished. */
  | "not_initialized"
  /** A bug in andel (a Rust panic). The instance was replaced by a fresh one and can be used again. */
  | "internal_error";

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
  /** The amount per year (in its first year, if indexed); left out for a `per_inhabitant_fee` key. */
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
  | LimitedKey;

// ---------------------------------------------------------------------------
// Plans: the result. Decimals are strings; exact fractions are "n/d" strings.
// ---------------------------------------------------------------------------

/** Every member's contribution for every budget year, with what explains it. */
export interface PlanResult {
  /** The plan's name. */
  name: string;
  /** Currency code. */
  currency: string;
  /** Rounding unit of every contribution. */
  unit: string;
  /** Apportionment method. */
  method: Method;
  /** The budget years, in order. */
  years: YearResult[];
  /** Totals over the horizon, per member, in plan order. */
  totals: MemberTotal[];
  /** Things the reader should know, e.g. population figures carried forward. */
  notes: string[];
}

/** One budget year. */
export interface YearResult {
  /** The budget year. */
  year: number;
  /** Cost lines active this year. */
  lines: LineResult[];
  /** Sum of the lines' gross amounts. */
  gross: string;
  /** Sum of external funding. */
  funding: string;
  /** What the members share: gross − funding; the contributions add up to exactly this. */
  net: string;
  /** Every member, in plan order (members who pay no cash with `"0"`). */
  members: MemberYear[];
}

/** A cost line in one year. */
export interface LineResult {
  /** The line's id. */
  id: string;
  /** The line's name. */
  name: string;
  /** The amount for this year (indexed, if the line is). */
  gross: string;
  /** External funding set against this line. */
  funding: string;
  /** Shared by the participants: gross − funding. */
  net: string;
  /** The ids of the members who share it. */
  participants: string[];
}

/** Membership for part of a year. */
export interface Membership {
  /** Days or months counted. */
  counted: number;
  /** Days or months in the year. */
  of: number;
  /** What is counted. */
  unit: "days" | "months";
}

/** A member's part of one cost line. */
export interface LineAmount {
  /** The line's id. */
  line: string;
  /** The amount. */
  amount: string;
  /** The member's exact share of the line's net amount, `"n/d"`. */
  share: string;
  /** The exact amount before rounding (up to 28 significant digits). */
  exact_decimal: string;
}

/** A member in one year. */
export interface MemberYear {
  /** The member's id. */
  id: string;
  /** The member's name. */
  name: string;
  /** Whether the member pays cash. */
  paying: boolean;
  /** The population figure used for the year, if the member has one. */
  population: string | null;
  /** The reference date of the population rule for this year. */
  population_date: PlanDate | null;
  /** When the figure for the reference date was missing: the date of the earlier figure used. */
  population_carried_from: PlanDate | null;
  /** Days (or months) of membership, when not the whole year. */
  membership: Membership | null;
  /** The exact share of the year's net cost, `"n/d"`. */
  share: string;
  /** The share in percent, rounded half to even to 4 decimals, for reading. */
  share_percent: string;
  /** The exact contribution before rounding, `"n/d"`. */
  exact: string;
  /** The exact contribution as a decimal (up to 28 significant digits). */
  exact_decimal: string;
  /** The contribution, a whole multiple of the unit. */
  contribution: string;
  /** contribution − exact: what rounding added or took away (less than one unit). */
  rounding: string;
  /** The contribution by cost line; adds up to the contribution. */
  lines: LineAmount[];
  /** The value contributed in kind this year. */
  in_kind: string;
  /** Cash due after crediting in-kind value, when the plan credits it. */
  cash_due: string | null;
  /** Change of the contribution from the previous year. */
  change: string | null;
  /** Change in percent (2 decimals); null without a previous year or when it was 0. */
  change_percent: string | null;
  /** What caps or floors did to the member's share. */
  limits: string[];
}

/** A member's totals over the horizon. */
export interface MemberTotal {
  /** The member's id. */
  id: string;
  /** The member's name. */
  name: string;
  /** Sum of the yearly contributions. */
  contribution: string;
  /** Sum of the yearly in-kind values. */
  in_kind: string;
}

/** How one member's contribution in one year arose. */
export interface PlanExplanation {
  /** The member's id. */
  member: string;
  /** The budget year. */
  year: number;
  /** The contribution explained. */
  contribution: string;
  /** The explanation, one sentence a line. */
  lines: string[];
}

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
 * Computes every member's contribution for every budget year.
 *
 * `plan` is a plan object, or its text with `{ format: "toml" }` or
 * `{ format: "json" }`.
 *
 * @throws {AndelError} with `path` (and, for text, `line` and `column`) for
 *   a problem in the plan
 */
export function computePlan(plan: Plan, options?: PlanObjectOptions | null): PlanResult;
export function computePlan(text: string, options: PlanTextOptions): PlanResult;

/**
 * How `member`'s contribution in budget year `year` arose, in words and
 * numbers.
 *
 * @throws {AndelError} `unknown_member`, `year_outside_horizon`, or any error of {@link computePlan}
 */
export function explainPlan(plan: Plan, member: string, year: number | bigint, options?: PlanObjectOptions | null): PlanExplanation;
export function explainPlan(text: string, member: string, year: number | bigint, options: PlanTextOptions): PlanExplanation;

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
