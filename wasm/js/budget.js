// Budgets: one year's total shared by one key (andel::plan::Budget), the
// whole of what the embeddable calculator computes. In the full package
// (api.js) and the calculator's own (calculator/index.js).
//
// A budget is a plain object, the shape `referenceBudget()` returns:
//   { year, currency?, total, unit?, method?, key?, members }
// with `key` a name ("per_capita", "equal") or { type, fixed?, shares? },
// and each member { id, name?, population? }. Its shape is checked here
// (invalid_argument); its numbers go to the core as texts, which reads
// them with the parser of every runtime and places each error in the
// budget (`total`, `key.fixed`, `members[2].population`).
//
// An ES module; scripts/build-wasm joins it into the Node build's CommonJS
// file, so keep every export a plain `export function NAME` at the start of
// a line and every import on one line.

import { AndelError, describe, isAbsent, isPlainObject } from "./runtime.js";

/** The fields of a budget; anything else is refused. */
const BUDGET_FIELDS = ["year", "currency", "total", "unit", "method", "key", "members"];

/** The fields of a budget's member. */
const MEMBER_FIELDS = ["id", "name", "population"];

/** The fields of a budget's key given as an object. */
const KEY_FIELDS = ["type", "fixed", "shares"];

/**
 * The budget functions around a guard (runtime.js `makeGuard`).
 *
 * @param {(body: (inWasm: Function) => any) => any} guard
 */
export function bindBudget(guard) {
  /** Computes the budget in the module: the core's JSON, or its CSV with `csv`. */
  function run(budget, csv) {
    return guard((inWasm) => {
      const b = readBudget(budget);
      return inWasm((glue) =>
        glue.computeBudget(
          b.year,
          b.currency,
          b.total,
          b.unit,
          b.method,
          b.key,
          b.fixed,
          b.shareIds,
          b.shares,
          b.ids,
          b.names,
          b.populations,
          b.missing,
          csv,
        ),
      );
    });
  }

  /**
   * Every member's contribution to a one-year budget: the same result
   * object as `computePlan` gives for a plan (decimals as strings).
   */
  function computeBudget(budget) {
    return JSON.parse(run(budget, false));
  }

  /**
   * The budget's contributions as the core's CSV text, the same columns as
   * `planToCsv` gives for a plan (one row per member).
   */
  function budgetToCsv(budget) {
    return run(budget, true);
  }

  /**
   * The bundled reference case as a budget: the first year of the reference
   * plan, its net cost shared per capita among its paying members.
   */
  function referenceBudget() {
    return guard((inWasm) => JSON.parse(inWasm((glue) => glue.referenceBudget())));
  }

  return { computeBudget, budgetToCsv, referenceBudget };
}

/** Checks a budget object's shape and gives the flat texts the module reads. */
function readBudget(budget) {
  if (!isPlainObject(budget)) {
    throw shape(`expected a budget object like { total, members }, got ${describe(budget)}`);
  }
  refuseUnknown(budget, BUDGET_FIELDS, "a budget");
  const { year, currency, total, unit, method, key, members } = budget;
  // Within i32, which the module takes: the glue would wrap anything larger.
  if (!Number.isInteger(year) || Math.abs(year) > 2147483647) {
    throw shape(`year must be a whole number such as 2025, not ${describe(year)}`);
  }
  if (!isAbsent(currency) && typeof currency !== "string") {
    throw shape(`currency must be a string such as "SEK", not ${describe(currency)}`);
  }
  if (!isAbsent(method) && typeof method !== "string") {
    throw shape(`method must be a string such as "largest_remainder", not ${describe(method)}`);
  }
  if (!Array.isArray(members)) {
    throw shape(`members must be an array of { id, name, population }, not ${describe(members)}`);
  }
  const out = {
    year,
    currency: isAbsent(currency) ? undefined : currency,
    total: money(total, "total"),
    unit: isAbsent(unit) ? undefined : money(unit, "unit"),
    method: isAbsent(method) ? undefined : method,
    ...readKey(key),
    ids: [],
    names: [],
    populations: [],
    missing: [],
  };
  members.forEach((m, i) => {
    if (!isPlainObject(m)) throw shape(`members[${i}] must be an object { id, name, population }, not ${describe(m)}`);
    refuseUnknown(m, MEMBER_FIELDS, `members[${i}]`);
    if (typeof m.id !== "string") throw shape(`members[${i}].id must be a string, not ${describe(m.id)}`);
    if (!isAbsent(m.name) && typeof m.name !== "string") {
      throw shape(`members[${i}].name must be a string, not ${describe(m.name)}`);
    }
    out.ids.push(m.id);
    out.names.push(m.name ?? m.id);
    if (isAbsent(m.population)) {
      out.populations.push("");
      out.missing.push(i);
    } else {
      out.populations.push(figure(m.population, `members[${i}].population`));
    }
  });
  return out;
}

/** The key as its name, the blend's fixed part and the fixed shares. */
function readKey(key) {
  if (isAbsent(key)) return { key: "per_capita", fixed: undefined, shareIds: undefined, shares: [] };
  if (typeof key === "string") return { key, fixed: undefined, shareIds: undefined, shares: [] };
  if (!isPlainObject(key) || typeof key.type !== "string") {
    throw shape(`key must be a name such as "per_capita" or an object { type, … }, not ${describe(key)}`);
  }
  refuseUnknown(key, KEY_FIELDS, "key");
  const { type, fixed, shares } = key;
  let shareIds;
  const shareTexts = [];
  if (!isAbsent(shares)) {
    if (!isPlainObject(shares)) throw shape(`key.shares must be an object { id: share }, not ${describe(shares)}`);
    shareIds = Object.keys(shares);
    for (const id of shareIds) shareTexts.push(figure(shares[id], `key.shares.${id}`));
  }
  return {
    key: type,
    fixed: isAbsent(fixed) ? undefined : figure(fixed, "key.fixed"),
    shareIds,
    shares: shareTexts,
  };
}

/** An amount of money as its text: a string or a BigInt, never a JS number. */
function money(value, path) {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  const reason =
    typeof value === "number"
      ? `money must be a decimal string such as "1234.50" or a BigInt, not a JS number, which may already have lost digits (got ${value})`
      : `expected a decimal string or a BigInt, got ${describe(value)}`;
  throw badNumber(path, reason);
}

/** A population or share as its text: a string, a BigInt or a finite number. */
function figure(value, path) {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  const reason =
    typeof value === "number"
      ? `NaN and infinities are not numbers (got ${value})`
      : `expected a decimal string, a number or a BigInt, got ${describe(value)}`;
  throw badNumber(path, reason);
}

function badNumber(path, reason) {
  return new AndelError("invalid_number", `${path}: ${reason}`, { path, line: null, column: null });
}

function refuseUnknown(object, allowed, what) {
  const unknown = Object.keys(object).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw shape(
      `unknown field ${unknown.map((k) => JSON.stringify(k)).join(", ")} in ${what}; the fields are ${allowed.join(", ")}`,
    );
  }
}

function shape(message) {
  return new AndelError("invalid_argument", `computeBudget: ${message}`);
}
