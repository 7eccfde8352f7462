// The public JavaScript API of andel, shared by the web and Node builds.
//
// The WebAssembly module (wasm/src) only takes and returns decimal *texts*.
// This file is the thin layer around it:
//   - JavaScript values in: decimal strings as given, BigInts and (for
//     weights and the first divisor only) numbers through `String(value)`,
//     so the Rust core reads every number with the same parser in every
//     runtime. Money (total, unit, amount) as a JS number is refused: a
//     float may already have lost the figure the caller meant.
//   - results out: plain objects and arrays of strings.
//   - every failure out as an `AndelError` with a stable `.code`: the core's
//     codes unchanged, plus `invalid_argument` (a call shaped wrongly),
//     `not_initialized` (web build used before `init()`) and
//     `internal_error` (a bug: a Rust panic, which traps the instance).
//
// This file is an ES module for the web build; scripts/build-wasm turns it
// into CommonJS for the Node build by dropping the `export` keywords and
// adding `module.exports`, so keep every export a plain
// `export class|function|const NAME` at the start of a line.

/** Options `allocate` and `explain` accept; anything else is refused. */
const SPLIT_OPTIONS = ["total", "weights", "unit", "method", "firstDivisor", "names"];

/**
 * The one error class of andel. `code` is stable and the same in Rust,
 * Python and JavaScript; `message` says what is wrong and where.
 */
export class AndelError extends Error {
  /**
   * @param {string} code stable snake_case code, e.g. "negative_weight"
   * @param {string} message human-readable message
   * @param {{ cause?: unknown }} [options]
   */
  constructor(code, message, options) {
    super(message, options);
    /** @type {string} */
    this.code = code;
  }
}
// On the prototype, so `err.name === "AndelError"` and stack traces say so,
// without an own enumerable property on every error.
Object.defineProperty(AndelError.prototype, "name", {
  value: "AndelError",
  writable: true,
  configurable: true,
});

/**
 * Builds the public functions around a generated glue module.
 *
 * @param {() => any} getGlue returns the wasm-bindgen glue module, or throws
 *   an AndelError when it cannot be used yet (web build before `init()`).
 */
export function bindApi(getGlue) {
  // Set when a trapped instance could not be replaced: every later call
  // must fail rather than compute on a possibly corrupted memory.
  let poisoned = false;

  /**
   * Runs `body(inWasm)`. Every call into the WebAssembly module goes through
   * `inWasm(fn)`, which calls `fn(glue)` and turns what it throws into an
   * AndelError. Code outside `inWasm` only reads the caller's arguments:
   * what the caller's own code throws there (a getter, a Proxy) passes
   * through unchanged, and is no reason to restart the instance.
   */
  function guard(body) {
    if (poisoned) {
      throw new AndelError(
        "internal_error",
        "andel stopped after an earlier internal error and could not restart; reload the page or restart the process",
      );
    }
    const glue = getGlue();
    const inWasm = (fn) => {
      try {
        return fn(glue);
      } catch (err) {
        throw toAndelError(glue, err);
      }
    };
    return body(inWasm);
  }

  /** Maps what a call into the WebAssembly module threw to an AndelError. */
  function toAndelError(glue, err) {
    if (err instanceof AndelError) return err;
    if (err instanceof glue.ErrorInfo) return fromInfo(err);
    // Anything else left the WebAssembly instance without it returning
    // normally: a panic (with panic=abort, a trap: WebAssembly.RuntimeError),
    // a stack overflow, out of memory. Its memory may be inconsistent, so it
    // is replaced by a fresh instance before anything else runs on it.
    let detail = err instanceof Error ? err.message : String(err);
    try {
      detail = glue.takePanicMessage() ?? detail;
    } catch {
      // The trapped instance could not even say why; keep the JS message.
    }
    let restarted = false;
    try {
      glue.__wbg_reset_state();
      restarted = true;
    } catch {
      poisoned = true;
    }
    const after = restarted
      ? "andel restarted its WebAssembly instance and can be used again"
      : "andel could not restart and refuses further calls";
    return new AndelError(
      "internal_error",
      `internal error in andel (a bug; please report it): ${detail}; ${after}`,
      { cause: err },
    );
  }

  /**
   * Splits `total` by `weights`. An array of weights gives an array of
   * amounts; an object of weights gives an object with the same keys.
   */
  function allocate(options) {
    return guard((inWasm) => {
      const split = readSplit(inWasm, options, "allocate");
      const amounts = inWasm((glue) =>
        glue.allocate(split.total, split.weights, split.unit, split.method, split.firstDivisor, split.names),
      );
      if (!split.keyed) return amounts;
      return Object.fromEntries(split.names.map((name, i) => [name, amounts[i]]));
    });
  }

  /** Splits `total` by `weights` and explains every part. */
  function explain(options) {
    return guard((inWasm) => {
      const split = readSplit(inWasm, options, "explain");
      return inWasm((glue) => {
        const raw = glue.explain(
          split.total,
          split.weights,
          split.unit,
          split.method,
          split.firstDivisor,
          split.names,
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
      const checked = [];
      const amountText = readNumber(inWasm, amount, "amount", true, checked);
      const unitText = isAbsent(unit) ? null : readNumber(inWasm, unit, "unit", true, checked);
      if (!isAbsent(mode) && typeof mode !== "string") {
        throw invalidArgument(`roundToUnit: the rounding mode must be a string, not ${describe(mode)}`);
      }
      const modeName = isAbsent(mode) ? null : mode;
      return inWasm((glue) => glue.roundToUnit(amountText, unitText, modeName));
    });
  }

  /** The public names of the apportionment methods. */
  function methods() {
    return guard((inWasm) => inWasm((glue) => glue.methods()));
  }

  /** The public names of the rounding modes. */
  function roundingModes() {
    return guard((inWasm) => inWasm((glue) => glue.roundingModes()));
  }

  /** The version of andel. */
  function version() {
    return guard((inWasm) => inWasm((glue) => glue.version()));
  }

  /** Test-only: makes the Rust side panic (see wasm/src/panic.rs). */
  function __testPanic() {
    return guard((inWasm) => inWasm((glue) => glue.__testPanic()));
  }

  return { allocate, explain, roundToUnit, methods, roundingModes, version, __testPanic };
}

/** The AndelError for an ErrorInfo thrown by Rust; frees the ErrorInfo. */
function fromInfo(info) {
  try {
    return new AndelError(info.code, info.message);
  } finally {
    info.free();
  }
}

function invalidArgument(message) {
  return new AndelError("invalid_argument", message);
}

function isAbsent(value) {
  return value === undefined || value === null;
}

function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A short, side-effect-free description of a value for messages. */
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "bigint":
      return `${value}n`;
    case "object":
      return "an object";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      return String(value);
  }
}

/**
 * The options of allocate/explain, checked for shape and turned into the
 * texts the WebAssembly side reads.
 */
function readSplit(inWasm, options, fn) {
  // First the shape of the call (invalid_argument) …
  if (!isPlainObject(options)) {
    throw invalidArgument(`${fn}: expected an options object like { total, weights }, got ${describe(options)}`);
  }
  const unknown = Object.keys(options).filter((key) => !SPLIT_OPTIONS.includes(key));
  if (unknown.length > 0) {
    throw invalidArgument(
      `${fn}: unknown option ${unknown.map((k) => JSON.stringify(k)).join(", ")}; the options are ${SPLIT_OPTIONS.join(", ")}`,
    );
  }
  const { total, weights, unit, method, firstDivisor, names } = options;
  if (total === undefined) {
    throw invalidArgument(`${fn}: total is required`);
  }
  if (!isAbsent(method) && typeof method !== "string") {
    throw invalidArgument(`${fn}: method must be a string such as "largest_remainder", not ${describe(method)}`);
  }
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
  // … then the numbers, in the order every runtime reports them: total,
  // unit, first divisor, weights (tests/vectors/README.md).
  const checked = [];
  const totalText = readNumber(inWasm, total, "total", true, checked);
  const unitText = isAbsent(unit) ? null : readNumber(inWasm, unit, "unit", true, checked);
  const divisorText = isAbsent(firstDivisor)
    ? null
    : readNumber(inWasm, firstDivisor, "firstDivisor", false, checked);
  const weightTexts = values.map((w, i) => readNumber(inWasm, w, weightLabel(i, keys), false, checked));
  return {
    total: totalText,
    unit: unitText,
    method: isAbsent(method) ? null : method,
    firstDivisor: divisorText,
    weights: weightTexts,
    names: keys,
    keyed: keys !== null && !Array.isArray(weights),
  };
}

/**
 * The label of a weight in messages; the same as `weight_label` in
 * wasm/src/args.rs, so both sides name a weight alike.
 */
function weightLabel(index, names) {
  return names && index < names.length ? `weight ${index} (${names[index]})` : `weight ${index}`;
}

/**
 * A JavaScript value as the decimal text the core will read. Strings pass
 * unchanged (the core decides whether they are numbers); BigInts give their
 * digits; numbers give `String(value)`, the shortest text that reads back
 * as the same number, unless `money` is set: money as a JS number is
 * refused. Anything else is refused with code invalid_number.
 *
 * `checked` collects the `[field, text]` pairs read so far: a refused value
 * reports an earlier bad text first, keeping the shared error order.
 */
function readNumber(inWasm, value, field, money, checked) {
  let text;
  if (typeof value === "string") {
    text = value;
  } else if (typeof value === "bigint") {
    text = value.toString();
  } else if (typeof value === "number" && !money && Number.isFinite(value)) {
    text = String(value);
  } else {
    let reason;
    if (typeof value === "number" && money) {
      reason = `money must be a decimal string such as "1234.50" or a BigInt, not a JS number, which may already have lost digits`;
    } else if (typeof value === "number") {
      reason = "NaN and infinities are not numbers";
    } else {
      reason = money ? "expected a decimal string or a BigInt" : "expected a decimal string, a number or a BigInt";
    }
    const shown = typeof value === "number" ? String(value) : describe(value);
    const info = inWasm((glue) =>
      glue.numberError(
        checked.map(([f]) => f),
        checked.map(([, t]) => t),
        field,
        shown,
        reason,
      ),
    );
    throw fromInfo(info);
  }
  checked.push([field, text]);
  return text;
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
