// The public JavaScript API of andel, shared by the web and Node builds.
//
// The WebAssembly module (wasm/src) only takes and returns decimal *texts*.
// This file is the thin layer around it:
//   - JavaScript values in: decimal strings as given, BigInts and (for
//     weights and the first divisor only) numbers through `String(value)`,
//     so the Rust core reads every number with the same parser in every
//     runtime. Money (total, unit, amount) as a JS number is refused: a
//     float may already have lost the figure the caller meant.
//   - plans in as objects (written here as JSON text) or as TOML or JSON
//     text with their format; the core reads every one.
//   - results out: plain objects and arrays of strings (plan results are
//     the core's own JSON, parsed).
//   - every failure out as an `AndelError` with a stable `.code`: the core's
//     codes unchanged, plus `invalid_argument` (a call shaped wrongly),
//     `not_initialized` (web build used before `init()`) and
//     `internal_error` (a bug: a Rust panic, which traps the instance).
//
// This file is an ES module for the web build; scripts/build-wasm turns it,
// with runtime.js and budget.js, into one CommonJS file for the Node build
// by dropping the `import` lines and `export` keywords and adding
// `module.exports`, so keep every export a plain
// `export class|function|const NAME` at the start of a line and every
// import on one line.

import { AndelError, describe, invalidArgument, isAbsent, isPlainObject, makeGuard, placeProblem } from "./runtime.js";
import { bindBudget } from "./budget.js";

/** Options `allocate` and `explain` accept; anything else is refused. */
const SPLIT_OPTIONS = ["total", "weights", "unit", "method", "firstDivisor", "names"];

/** Options `allocateUnits` accepts; anything else is refused. */
const UNIT_SPLIT_OPTIONS = ["total", "weights", "unit", "method", "firstDivisor"];

/** Options of the plan functions; anything else is refused. */
const PLAN_OPTIONS = ["format"];

/** The text formats of a plan, as the WebAssembly side names them. */

/**
 * Builds the public functions around a generated glue module.
 *
 * @param {() => any} getGlue returns the wasm-bindgen glue module, or throws
 *   an AndelError when it cannot be used yet (web build before `init()`).
 */
export function bindApi(getGlue) {
  const guard = makeGuard(getGlue);

  /**
   * Splits `total` by `weights`. An array of weights gives an array of
   * amounts; an object of weights gives an object with the same keys.
   */
  function allocate(options) {
    return guard((inWasm) => {
      const split = readSplit(options, "allocate");
      // A long list crosses into WebAssembly as one text, a weight per
      // line, and comes back the same way: one string each way instead of
      // one per weight. Only when no text has a line break of its own.
      const weights = split.weights;
      const asLines = weights.length > 0 && !weights.some((w) => w.includes("\n"));
      const amounts = inWasm((glue) =>
        asLines
          ? glue
              .allocateLines(
                split.total,
                weights.join("\n"),
                split.unit,
                split.method,
                split.firstDivisor,
                split.names,
                split.kinds,
                split.weightKinds,
              )
              .split("\n")
          : glue.allocate(
              split.total,
              weights,
              split.unit,
              split.method,
              split.firstDivisor,
              split.names,
              split.kinds,
              split.weightKinds,
            ),
      );
      if (!split.keyed) return amounts;
      return Object.fromEntries(split.names.map((name, i) => [name, amounts[i]]));
    });
  }

  /**
   * Splits `total` by whole-number weights in a typed array (BigInt64Array,
   * or Float64Array of exact safe integers) into counts of rounding units,
   * a BigInt64Array: part i is units[i] × unit. The weights cross into
   * WebAssembly as one copy of the array's bytes, with no text per weight.
   */
  function allocateUnits(options) {
    return guard((inWasm) => {
      const fn = "allocateUnits";
      const { total, weights, unit, method, firstDivisor } = checkSplitShape(options, UNIT_SPLIT_OPTIONS, fn);
      const bigints = weights instanceof BigInt64Array;
      if (!bigints && !(weights instanceof Float64Array)) {
        throw invalidArgument(
          `${fn}: weights must be a BigInt64Array, or a Float64Array of safe integers, not ${describe(weights)}; ` +
            "for decimal weights use allocate",
        );
      }
      // The numbers as texts and kinds; core reads them in its order, the
      // weights' own check (a Float64Array's safe integers) in their place.
      const s = readScalars(total, unit, firstDivisor);
      const methodName = isAbsent(method) ? null : method;
      return inWasm((glue) =>
        bigints
          ? glue.allocateUnits(s.total, weights, s.unit, methodName, s.firstDivisor, s.kinds)
          : glue.allocateUnitsSafe(s.total, weights, s.unit, methodName, s.firstDivisor, s.kinds),
      );
    });
  }

  /** Splits `total` by `weights` and explains every part. */
  function explain(options) {
    return guard((inWasm) => {
      const split = readSplit(options, "explain");
      return inWasm((glue) => {
        const raw = glue.explain(
          split.total,
          split.weights,
          split.unit,
          split.method,
          split.firstDivisor,
          split.names,
          split.kinds,
          split.weightKinds,
        );
        try {
          return {
            total: raw.total,
            unit: raw.unit,
            method: raw.method,
            firstDivisor: raw.firstDivisor ?? null,
            parts: raw.parts.map(plainPart),
          };
        } finally {
          raw.free();
        }
      });
    });
  }

  /** Rounds `amount` to a whole multiple of `unit` with the named mode. */
  function roundToUnit(amount, unit, mode) {
    return guard((inWasm) => {
      if (!isAbsent(mode) && typeof mode !== "string") {
        throw invalidArgument(`roundToUnit: the rounding mode must be a string, not ${describe(mode)}`);
      }
      // The amount and unit as texts and kinds; core reads them in its
      // order (amount, unit, mode) with its number policy.
      const s = readScalars(amount, unit, undefined);
      const modeName = isAbsent(mode) ? null : mode;
      return inWasm((glue) => glue.roundToUnit(s.total, s.unit, modeName, s.kinds));
    });
  }

  /** The public names of the apportionment methods. */
  function methods() {
    return guard((inWasm) => inWasm((glue) => glue.methods()));
  }

  /**
   * Every code an AndelError can have: core's (the same list in Rust and
   * Python) and then this wrapper's own two.
   */
  function errorCodes() {
    return guard((inWasm) => [...inWasm((glue) => glue.coreErrorCodes()), "invalid_argument", "not_initialized"]);
  }

  /** The public names of the rounding modes. */
  function roundingModes() {
    return guard((inWasm) => inWasm((glue) => glue.roundingModes()));
  }

  /** The version of andel. */
  function version() {
    return guard((inWasm) => inWasm((glue) => glue.version()));
  }

  /**
   * Computes every member's contribution for every budget year of a plan:
   * the core's result, decimals as strings, snake_case names. With
   * { lang } ("sv" or "en") the notes are the core's in that language.
   */
  function computePlan(plan, options) {
    return askOnce(plan, options, "computePlan", QUESTIONS.result, []);
  }

  /**
   * How `member`'s contribution in budget year `year` arose, the sentences
   * in { lang } ("sv" or "en"; absent: the core's default for the plan's
   * currency, Swedish for SEK).
   */
  function explainPlan(plan, member, year, options) {
    return askOnce(plan, options, "explainPlan", QUESTIONS.explain, [member, year]);
  }

  /**
   * Every problem in a plan, each as { code, message, path, line, column };
   * an empty array when the plan is sound and computes. Throws only for a
   * call shaped wrongly.
   */
  function validatePlan(plan, options) {
    return guard((inWasm) => {
      const source = readPlan(inWasm, plan, options, "validatePlan");
      if (source.problems.length > 0) return source.problems.slice();
      const infos = inWasm((glue) => glue.checkPlan(source.text, source.format), source);
      // Every info is freed, even when placing one of them fails.
      const problems = [];
      let failure = null;
      for (const info of infos) {
        try {
          if (failure === null) problems.push(placeProblem(info, source, true));
        } catch (err) {
          failure = err;
        } finally {
          info.free();
        }
      }
      if (failure !== null) throw failure;
      return problems;
    });
  }

  /**
   * The bundled reference plan: an object by default, or its text with
   * { format: "toml" } (as written, with comments) or { format: "json" }.
   */
  function referencePlan(options) {
    return guard((inWasm) => {
      const format = formatNamed(inWasm, readOptions(options, "referencePlan").format, "referencePlan");
      if (format === "toml") return inWasm((glue) => glue.referencePlanToml());
      const json = inWasm((glue) => glue.referencePlanJson());
      return format === "json" ? json : JSON.parse(json);
    });
  }

  /** The JSON Schema of the plan format, as an object. */
  function planSchema() {
    return guard((inWasm) => JSON.parse(inWasm((glue) => glue.planSchema())));
  }

  /** A plan as pretty JSON text with every default written out (checked first). */
  function planToJson(plan, options) {
    return guard((inWasm) => {
      const source = readPlan(inWasm, plan, options, "planToJson");
      throwFirstProblem(source);
      return inWasm((glue) => glue.planToJson(source.text, source.format), source);
    });
  }

  /**
   * Every member's contribution for every budget year as the core's CSV
   * text (a row per member and year; the same text as `andel plan --format
   * csv` and Python's `PlanResult.to_csv()`).
   */
  function planToCsv(plan, options) {
    return askOnce(plan, options, "planToCsv", QUESTIONS.csv, []);
  }

  /**
   * The members' budget calendar: every milestone of every budget year,
   * with its date and figures. With { ics: true }, the iCalendar text.
   */
  function planCalendar(plan, options) {
    return askOnce(plan, options, "planCalendar", QUESTIONS.calendar, []);
  }

  /** The members' budget calendar as an iCalendar (RFC 5545) text. */
  function planCalendarIcs(plan, options) {
    return askOnce(plan, options, "planCalendarIcs", QUESTIONS.ics, []);
  }

  /**
   * The invoices of `year`'s instalments. With { settle: true }, the
   * previous year's settlement (from the plan's own outcome, or from
   * { outcome }) is put on each member's first instalment.
   */
  function planInvoices(plan, year, options) {
    return askOnce(plan, options, "planInvoices", QUESTIONS.invoices, [year]);
  }

  /**
   * The settlement of `year`'s actual outcome: from `outcome` (an outcome
   * file as an object, or its text with { outcomeFormat }) when given, else
   * from the plan's own outcome for that year.
   */
  function settlePlan(plan, year, outcome, options) {
    return askOnce(plan, options, "settlePlan", QUESTIONS.settle, [year, outcome]);
  }

  /**
   * How plan `b` differs from plan `a`, per member and year (b − a).
   * { format } is the format of a plan given as text; { formatB }, when
   * given, that of `b`.
   */
  function diffPlans(a, b, options) {
    return guard((inWasm) => {
      const sourceA = readPlan(inWasm, a, options, "diffPlans", ["format", "formatB"]);
      const { formatB } = sourceA.options;
      const sourceB = readPlan(inWasm, b, { format: isAbsent(formatB) ? sourceA.options.format : formatB }, "diffPlans");
      throwFirstProblem(sourceA);
      throwFirstProblem(sourceB);
      const heldA = { handle: computeIn(inWasm, sourceA), instance: guard.instance(), guard };
      try {
        const heldB = { handle: computeIn(inWasm, sourceB), instance: guard.instance(), guard };
        try {
          return JSON.parse(inWasm(() => heldA.handle.diffJson(heldB.handle)));
        } finally {
          release(heldB);
        }
      } finally {
        release(heldA);
      }
    });
  }

  /**
   * Why each member's contribution changed from the previous year, cause
   * by cause, each with its `text` in { lang } ("sv" or "en"; absent: the
   * core's default for the plan's currency); only { member }'s or
   * { year }'s when given.
   */
  function whyChanged(plan, options) {
    return askOnce(plan, options, "whyChanged", QUESTIONS.why, []);
  }

  /**
   * Asks one question of a plan computed for it: the plan read, the
   * question's own arguments read (a wrongly shaped one is refused before
   * the plan's problems are reported), the plan computed, asked, released.
   */
  function askOnce(plan, options, fn, question, positional) {
    return guard((inWasm) => {
      const source = readPlan(inWasm, plan, options, fn, ["format", ...question.options]);
      const args = question.read(inWasm, positional, source.options, fn);
      throwFirstProblem(source);
      if (args.second !== undefined) throwFirstProblem(args.second);
      const held = { handle: computeIn(inWasm, source), instance: guard.instance(), guard };
      try {
        return inWasm(() => question.ask(held.handle, args), source, args.second);
      } finally {
        release(held);
      }
    });
  }

  /**
   * A plan read, checked and computed once, to ask several questions of:
   * its result, CSV, explanations, why contributions changed and (full
   * package) calendar, invoices, settlement and comparison. Each function
   * above reads and computes the plan again; this keeps the core's computed
   * plan in the WebAssembly instance until `free()`.
   */
  function computedPlan(plan, options) {
    return guard((inWasm) => {
      const source = readPlan(inWasm, plan, options, "computedPlan");
      throwFirstProblem(source);
      return new ComputedPlan(guard, source, computeIn(inWasm, source));
    });
  }

  /** Test-only: makes the Rust side panic (see wasm/src/panic.rs). */
  function __testPanic() {
    return guard((inWasm) => inWasm((glue) => glue.__testPanic()));
  }

  return {
    ...bindBudget(guard),
    allocate,
    allocateUnits,
    explain,
    roundToUnit,
    methods,
    roundingModes,
    errorCodes,
    version,
    computePlan,
    explainPlan,
    validatePlan,
    referencePlan,
    planSchema,
    planToJson,
    planToCsv,
    planCalendar,
    planCalendarIcs,
    planInvoices,
    settlePlan,
    diffPlans,
    whyChanged,
    computedPlan,
    __testPanic,
  };
}

/**
 * What `computedPlan` returns: the core's computed plan (a wasm-bindgen
 * `ComputedPlan`) with the source it was read from. Every method runs in
 * the guard, reads its arguments as the matching function does
 * (QUESTIONS) and places its errors in that source.
 */
class ComputedPlan {
  #guard;
  #source;
  #held;

  constructor(guard, source, handle) {
    this.#guard = guard;
    this.#source = source;
    this.#hold(handle);
  }

  #hold(handle) {
    this.#held = { handle, instance: this.#guard.instance(), guard: this.#guard };
    HELD.register(this, this.#held, this);
  }

  /**
   * Asks `question` with its `positional` arguments and `options`. After a
   * trap restarted the instance, the old handle is not this plan's any
   * more: the plan is read and computed again from its source first.
   */
  #ask(fn, question, positional, options) {
    return this.#guard((inWasm) => {
      const args = question.read(inWasm, positional, readOptions(options, fn, question.options).options, fn);
      if (args.second !== undefined) throwFirstProblem(args.second);
      if (this.#held === null) {
        throw invalidArgument(`${fn}: this computed plan was freed; call computedPlan again`);
      }
      if (this.#held.instance !== this.#guard.instance()) {
        HELD.unregister(this);
        this.#hold(computeIn(inWasm, this.#source));
      }
      const handle = this.#held.handle;
      return inWasm(() => question.ask(handle, args), this.#source, args.second);
    });
  }

  /** Every member's contribution for every year (as `computePlan`), notes in { lang } when given. */
  result(options) {
    return this.#ask("result", QUESTIONS.result, [], options);
  }

  /** The plan as pretty JSON text, every default written out (as `planToJson`). */
  toJson() {
    return this.#ask("toJson", QUESTIONS.json, [], undefined);
  }

  /** The core's CSV of the result (as `planToCsv`). */
  csv() {
    return this.#ask("csv", QUESTIONS.csv, [], undefined);
  }

  /** How `member`'s contribution in `year` arose (as `explainPlan`), in { lang }. */
  explain(member, year, options) {
    return this.#ask("explain", QUESTIONS.explain, [member, year], options);
  }

  /** Why contributions changed from the year before (as `whyChanged`), only { member }'s or { year }'s when given. */
  whyChanged(options) {
    return this.#ask("whyChanged", QUESTIONS.why, [], options);
  }

  /** The members' budget calendar (as `planCalendar`); with { ics: true } its iCalendar text. */
  calendar(options) {
    return this.#ask("calendar", QUESTIONS.calendar, [], options);
  }

  /** The invoices of `year` (as `planInvoices`), with { settle, outcome, outcomeFormat }. */
  invoices(year, options) {
    return this.#ask("invoices", QUESTIONS.invoices, [year], options);
  }

  /** The settlement of `year` (as `settlePlan`): from `outcome` when given, else the plan's own. */
  settle(year, outcome, options) {
    return this.#ask("settle", QUESTIONS.settle, [year, outcome], options);
  }

  /** How `other` (another computed plan) differs from this one, per member and year (other − this). */
  diff(other) {
    if (!(other instanceof ComputedPlan)) {
      throw invalidArgument(`diff: expected another computed plan (from computedPlan), not ${describe(other)}`);
    }
    const theirs = other.#ask("diff", QUESTIONS.handle, [], undefined);
    return this.#ask("diff", QUESTIONS.diff, [theirs], undefined);
  }

  /** Releases the core's computed plan; the object cannot be used after. */
  free() {
    if (this.#held === null) return;
    HELD.unregister(this);
    release(this.#held);
    this.#held = null;
  }
}

/** A plan's source read and computed in the instance: a wasm-bindgen ComputedPlan. */
function computeIn(inWasm, source) {
  return inWasm((glue) => new glue.ComputedPlan(source.text, source.format), source);
}

/** No argument to read. */
const NOTHING = () => ({});

/**
 * The questions a computed plan answers, shared by its methods and the
 * *Plan functions: the options each takes, how it reads its arguments
 * (before the plan's own problems are reported: a call shaped wrongly is
 * the caller's first mistake), and how it asks the core. `second` in what
 * `read` returns is an outcome document, where the core may place an error.
 */
const QUESTIONS = {
  result: {
    options: ["lang"],
    read: (inWasm, positional, o, fn) => ({ lang: readLang(o.lang, fn) }),
    ask: (h, a) => JSON.parse(h.resultJson(a.lang)),
  },
  json: { options: [], read: NOTHING, ask: (h) => h.planJson() },
  csv: { options: [], read: NOTHING, ask: (h) => h.csv() },
  explain: {
    options: ["lang"],
    read: (inWasm, [member, year], o, fn) => ({
      member: readMember(member, fn),
      year: readYear(year, fn),
      lang: readLang(o.lang, fn),
    }),
    ask: (h, a) => JSON.parse(h.explainJson(a.member, a.year, a.lang)),
  },
  why: {
    options: ["member", "year", "lang"],
    read: (inWasm, positional, o, fn) => ({
      member: isAbsent(o.member) ? undefined : readMember(o.member, fn),
      year: isAbsent(o.year) ? undefined : readYear(o.year, fn),
      lang: readLang(o.lang, fn),
    }),
    ask: (h, a) => JSON.parse(h.whyJson(a.member, a.year, a.lang)),
  },
  calendar: {
    options: ["ics"],
    read: (inWasm, positional, o, fn) => ({ ics: readFlag(o.ics, "ics", fn) === true }),
    ask: (h, a) => (a.ics ? fullOnly(h, "calendarIcs").calendarIcs() : JSON.parse(fullOnly(h, "calendarJson").calendarJson())),
  },
  ics: { options: [], read: NOTHING, ask: (h) => fullOnly(h, "calendarIcs").calendarIcs() },
  invoices: {
    options: ["settle", "outcome", "outcomeFormat"],
    read: (inWasm, [year], o, fn) => {
      const yearNumber = readYear(year, fn);
      const settle = readFlag(o.settle, "settle", fn);
      if (settle === false && !isAbsent(o.outcome)) {
        throw invalidArgument(`${fn}: an outcome is for settling; it cannot be given with settle: false`);
      }
      const second = readOutcome(inWasm, o.outcome, o.outcomeFormat, fn);
      return { year: yearNumber, settle: settle === true || second !== null, second: second ?? undefined };
    },
    ask: (h, a) =>
      JSON.parse(fullOnly(h, "invoicesJson").invoicesJson(a.year, a.settle, a.second?.text, a.second?.format)),
  },
  settle: {
    options: ["outcomeFormat"],
    read: (inWasm, [year, outcome], o, fn) => {
      const yearNumber = readYear(year, fn);
      return { year: yearNumber, second: readOutcome(inWasm, outcome, o.outcomeFormat, fn) ?? undefined };
    },
    ask: (h, a) => JSON.parse(fullOnly(h, "settleJson").settleJson(a.year, a.second?.text, a.second?.format)),
  },
  // A computed plan's handle, for another's diff; and that diff.
  handle: { options: [], read: NOTHING, ask: (h) => h },
  diff: {
    options: [],
    read: (inWasm, [theirs]) => ({ theirs }),
    ask: (h, a) => JSON.parse(fullOnly(h, "diffJson").diffJson(a.theirs)),
  },
};

/** A member argument: a member's id or name, as text. */
function readMember(member, fn) {
  if (typeof member !== "string") {
    throw invalidArgument(`${fn}: member must be a member's id (a string), not ${describe(member)}`);
  }
  return member;
}

/** A true-or-false option, or undefined when absent. */
function readFlag(value, name, fn) {
  if (isAbsent(value)) return undefined;
  if (typeof value !== "boolean") {
    throw invalidArgument(`${fn}: ${name} must be true or false, not ${describe(value)}`);
  }
  return value;
}

/** The handle, when this build has `method`: the plan page's has no annual cycle. */
function fullOnly(handle, method) {
  if (typeof handle[method] !== "function") {
    throw invalidArgument(`${method}: not in this build of andel (the plan page's); use the full package`);
  }
  return handle;
}

/**
 * Frees a computed plan's handle, unless the instance it belongs to was
 * replaced after a trap: its memory went with the old instance, and
 * freeing the pointer in the new one would corrupt it.
 */
function release({ handle, instance, guard }) {
  if (instance === guard.instance()) handle.free();
}

/** Frees the handles of computed plans the caller dropped without free(). */
const HELD = new FinalizationRegistry(release);

/** Throws the first problem found while writing a plan object, if any. */
function throwFirstProblem(source) {
  if (source.problems.length > 0) {
    const first = source.problems[0];
    throw new AndelError(first.code, first.message, first);
  }
}

/**
 * The shape of a split's options (invalid_argument): an object with only
 * the `allowed` keys, a total, and a method that is a string if given.
 * Returns the options.
 */
function checkSplitShape(options, allowed, fn) {
  if (!isPlainObject(options)) {
    throw invalidArgument(`${fn}: expected an options object like { total, weights }, got ${describe(options)}`);
  }
  const unknown = Object.keys(options).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw invalidArgument(
      `${fn}: unknown option ${unknown.map((k) => JSON.stringify(k)).join(", ")}; the options are ${allowed.join(", ")}`,
    );
  }
  if (options.total === undefined) {
    throw invalidArgument(`${fn}: total is required`);
  }
  if (!isAbsent(options.method) && typeof options.method !== "string") {
    throw invalidArgument(`${fn}: method must be a string such as "largest_remainder", not ${describe(options.method)}`);
  }
  return options;
}

/**
 * The options of allocate/explain, checked for shape and turned into the
 * texts and kinds the WebAssembly side hands to core.
 */
function readSplit(options, fn) {
  // Only the shape of the call (invalid_argument) is checked here; the
  // order the numbers are read in and what a JS number may be (never
  // money; a weight or first divisor through String(n)) are core's
  // (andel::SplitArguments).
  const { total, weights, unit, method, firstDivisor, names } = checkSplitShape(options, SPLIT_OPTIONS, fn);
  let values;
  let keys = null;
  if (Array.isArray(weights)) {
    values = weights;
    if (!isAbsent(names)) {
      // A copy, checked once: the glue reads exactly what was checked.
      keys = Array.isArray(names) ? Array.from(names) : null;
      if (keys === null || !keys.every((n) => typeof n === "string")) {
        throw invalidArgument(`${fn}: names must be an array of strings`);
      }
    }
  } else if (isPlainObject(weights)) {
    if (!isAbsent(names)) {
      throw invalidArgument(`${fn}: names cannot be given with an object of weights: its keys are the names`);
    }
    keys = Object.keys(weights);
    values = keys.map((key) => weights[key]);
  } else {
    throw invalidArgument(
      `${fn}: weights must be an array or an object of { name: weight }, not ${describe(weights)}`,
    );
  }
  const scalars = readScalars(total, unit, firstDivisor);
  // The weights' texts; a kind per weight only once one is not a string
  // or BigInt (one array per call, none in the common case).
  const weightTexts = new Array(values.length);
  let weightKinds = null;
  for (let i = 0; i < values.length; i++) {
    const w = values[i];
    if (typeof w === "string") {
      weightTexts[i] = w;
    } else if (typeof w === "bigint") {
      weightTexts[i] = w.toString();
    } else {
      if (weightKinds === null) weightKinds = new Uint8Array(values.length);
      const [text, kind] = numberValue(w);
      weightTexts[i] = text;
      weightKinds[i] = kind;
    }
  }
  return {
    total: scalars.total,
    unit: scalars.unit,
    method: isAbsent(method) ? null : method,
    firstDivisor: scalars.firstDivisor,
    kinds: scalars.kinds,
    weights: weightTexts,
    weightKinds,
    names: keys,
    keyed: keys !== null && !Array.isArray(weights),
  };
}

/** Kind of a value for the WebAssembly side (wasm/src/args.rs): a text. */
const KIND_TEXT = 0;
/** Kind: a JS number, as String(value). */
const KIND_FLOAT = 1;
/** Kind: no number at all, as `describe` shows it. */
const KIND_OTHER = 2;

/**
 * The total (or amount), unit and first divisor as texts (null: absent)
 * and their kinds packed two bits each, as wasm/src/args.rs reads them.
 */
function readScalars(total, unit, firstDivisor) {
  const [totalText, totalKind] = numberValue(total);
  const [unitText, unitKind] = isAbsent(unit) ? [null, KIND_TEXT] : numberValue(unit);
  const [divisorText, divisorKind] = isAbsent(firstDivisor) ? [null, KIND_TEXT] : numberValue(firstDivisor);
  return {
    total: totalText,
    unit: unitText,
    firstDivisor: divisorText,
    kinds: totalKind | (unitKind << 2) | (divisorKind << 4),
  };
}

/**
 * A JavaScript value as `[text, kind]` for core: strings unchanged (core
 * decides whether they are numbers), BigInts their digits, numbers
 * `String(value)` (the shortest text that reads back as the same number)
 * marked as floats, anything else as `describe` shows it, marked as no
 * number. Whether a float is accepted, and which error comes first, is
 * core's.
 */
function numberValue(value) {
  if (typeof value === "string") return [value, KIND_TEXT];
  if (typeof value === "bigint") return [value.toString(), KIND_TEXT];
  if (typeof value === "number") return [String(value), KIND_FLOAT];
  return [describe(value), KIND_OTHER];
}

/** A RawPart as a plain object; frees the RawPart. */
function plainPart(raw) {
  try {
    return {
      name: raw.name ?? null,
      weight: raw.weight,
      share: raw.share,
      quota: raw.quota,
      quotaDecimal: raw.quotaDecimal,
      amount: raw.amount,
      // A BigInt on the Rust side (i64); a count of units no larger than the
      // number of parts, so a JS number holds it exactly.
      leftoverUnits: Number(raw.leftoverUnits),
    };
  } finally {
    raw.free();
  }
}

/**
 * The options object of a plan function, checked for shape: `format` and
 * the rest of the options (only those in `allowed`).
 */
function readOptions(options, fn, allowed = PLAN_OPTIONS) {
  if (isAbsent(options)) return { format: null, options: {} };
  const opts = options;
  if (!isPlainObject(opts)) {
    throw invalidArgument(`${fn}: options must be an object like { format: "toml" }, not ${describe(options)}`);
  }
  const unknown = Object.keys(opts).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw invalidArgument(
      `${fn}: unknown option ${unknown.map((k) => JSON.stringify(k)).join(", ")}; the options are ${allowed.join(", ")}`,
    );
  }
  // Each option read once: what was checked is what is used.
  const read = Object.fromEntries(allowed.map((key) => [key, opts[key]]));
  return { format: isAbsent(read.format) ? null : read.format, options: read };
}

/**
 * A format option as core names it ("toml" or "json"), or null when absent.
 * Which names are formats is core's rule (`Format::named`): an unknown one
 * is core's plan_syntax error, as in Python; only a value that is not text
 * at all is this wrapper's invalid_argument.
 */
function formatNamed(inWasm, format, fn, option = "format") {
  if (isAbsent(format)) return null;
  if (typeof format !== "string") {
    throw invalidArgument(`${fn}: ${option} must be "toml" or "json", not ${describe(format)}`);
  }
  return inWasm((glue) => glue.formatNamed(format));
}

/**
 * A plan argument as the text and format the WebAssembly side reads:
 * `{ text, format, fromObject, problems, options }`. `problems` are what
 * core found in a plan object (see writeObject); `options` the call's other
 * options (those in `allowed`).
 */
function readPlan(inWasm, plan, options, fn, allowed = PLAN_OPTIONS) {
  const { format, options: read } = readOptions(options, fn, allowed);
  return { ...readDocument(inWasm, plan, formatNamed(inWasm, format, fn), fn, "plan"), options: read };
}

/** A plan or outcome, as an object or as text in `format`. */
function readDocument(inWasm, doc, format, fn, what) {
  if (typeof doc === "string") {
    // An outcome's text without its format is core's to tell apart
    // (`Format::of_text`); a plan's must be named.
    if (format === null && what === "plan") {
      throw invalidArgument(`${fn}: a plan given as text needs its format: { format: "toml" } or { format: "json" }`);
    }
    return { text: doc, format: format ?? undefined, fromObject: false, problems: [] };
  }
  if (isPlainObject(doc)) {
    if (format === "toml") {
      throw invalidArgument(`${fn}: a ${what} object is read as JSON; "toml" is for a ${what} given as TOML text`);
    }
    return { ...writeObject(inWasm, doc), format: "json", fromObject: true };
  }
  throw invalidArgument(
    `${fn}: expected a ${what} object, or a ${what}'s text with its format ("toml" or "json"), not ${describe(doc)}`,
  );
}

/** An outcome argument (absent, an object, or text in `format`), or null. */
function readOutcome(inWasm, outcome, format, fn) {
  const named = formatNamed(inWasm, format, fn, "outcomeFormat");
  if (isAbsent(outcome)) {
    if (named !== null) throw invalidArgument(`${fn}: outcomeFormat is given but no outcome`);
    return null;
  }
  return readDocument(inWasm, outcome, named, fn, "outcome");
}

/**
 * The { lang } option as the text the core reads, or undefined for the
 * core's default. Only its type is checked here: which codes exist is the
 * core's to say (an unknown one is `unknown_language`).
 */
function readLang(lang, fn) {
  if (isAbsent(lang)) return undefined;
  if (typeof lang !== "string") {
    throw invalidArgument(`${fn}: lang must be "sv" or "en" (a string), not ${describe(lang)}`);
  }
  return lang;
}

/** A budget year: a whole JS number or a BigInt, as the BigInt Rust reads. */
function readYear(year, fn) {
  if (typeof year === "number" && Number.isSafeInteger(year)) return BigInt(year);
  if (typeof year === "bigint" && BigInt.asIntN(64, year) === year) return year;
  throw invalidArgument(`${fn}: year must be a whole number such as 2025, not ${describe(year)}`);
}

/**
 * A plan or outcome object handed to core as it is: core walks it (through
 * wasm/src/host.rs) and writes the JSON text its reader reads, or lists
 * every problem at its path, in its own words: what JSON cannot carry
 * exactly (NaN, infinities, whole numbers beyond Number.MAX_SAFE_INTEGER, a
 * Date, a function, a circular reference, absurd nesting) is never lost or
 * changed silently. A BigInt is written as its digits, an undefined
 * property left out as in JSON.stringify.
 */
function writeObject(inWasm, doc) {
  const written = inWasm((glue) => glue.writeDocument(doc));
  try {
    const problems = written.problems().map((info) => {
      try {
        return placeProblem(info, OBJECT_SOURCE, true);
      } finally {
        info.free();
      }
    });
    return { text: written.text ?? "", problems };
  } finally {
    written.free();
  }
}

/** A document given as an object: its problems have a path, no line. */
const OBJECT_SOURCE = { fromObject: true };
