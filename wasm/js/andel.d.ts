// Types of andel's JavaScript API, shared by the web and Node builds.
//
// Decimals cross as strings, in and out. Money (a total, a unit, an amount)
// is a decimal string or a BigInt, never a JS number; weights and the first
// divisor may also be numbers, read through `String(value)`.

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
  /** A call shaped wrongly: not an options object, an unknown option, weights neither a list nor an object, … */
  | "invalid_argument"
  /** The web build was used before `init()` finished. */
  | "not_initialized"
  /** A bug in andel (a Rust panic). The instance was replaced by a fresh one and can be used again. */
  | "internal_error";

/** The one error class of andel: every function throws only this. */
export class AndelError extends Error {
  constructor(code: string, message: string, options?: { cause?: unknown });
  /** Always `"AndelError"`. */
  readonly name: "AndelError";
  /** The stable snake_case code; compare with this, not with the message. */
  readonly code: AndelErrorCode | (string & {});
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
