// What every entry point of andel's JavaScript packages shares: the error
// class, the guard around every call into the WebAssembly module (errors
// become AndelError; a trap restarts the instance), and small helpers for
// reading arguments. api.js (the whole API) and budget.js (budgets, all the
// calculator's package has) are built on it.
//
// An ES module; scripts/build-wasm puts it, budget.js and api.js together
// into one CommonJS file for Node, so keep every export a plain
// `export class|function|const NAME` at the start of a line and every import
// on one line.

/**
 * The one error class of andel. `code` is stable and the same in Rust,
 * Python and JavaScript; `message` says what is wrong and where.
 */
export class AndelError extends Error {
  /**
   * @param {string} code stable snake_case code, e.g. "negative_weight"
   * @param {string} message human-readable message
   * @param {{ cause?: unknown, path?: string, line?: number | null, column?: number | null }} [options]
   *   `cause` as for Error; `path` (with `line` and `column`) for an error
   *   at a place in a plan
   */
  constructor(code, message, options) {
    super(message, options);
    /** @type {string} */
    this.code = code;
    if (options !== undefined && options !== null && options.path !== undefined) {
      /** The field's path in the plan, such as "costs[2].participants[0]"; "" for the whole plan. */
      this.path = options.path;
      /** The line in the plan's text, from 1, or null for a plan given as an object. */
      this.line = options.line ?? null;
      /** The column in the plan's text, from 1, or null for a plan given as an object. */
      this.column = options.column ?? null;
    }
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
 * The start of a web build: `init` (async, fetches the module unless given
 * it) and `initSync`, and `getGlue` for the guard, which refuses to run
 * before either was called.
 *
 * @param {(options?: any) => Promise<any>} glueInit the glue's default export
 * @param {any} glue the glue module
 */
export function startWeb(glueInit, glue) {
  let ready = false;
  return {
    async init(options) {
      await glueInit(options);
      ready = true;
    },
    initSync(options) {
      glue.initSync(options);
      ready = true;
    },
    getGlue() {
      if (!ready) {
        throw new AndelError(
          "not_initialized",
          "andel is not initialised: call `await init()` (or `initSync({ module })`) before using it",
        );
      }
      return glue;
    },
  };
}

/**
 * The guard of one WebAssembly instance: `guard(body)` runs `body(inWasm)`.
 *
 * @param {() => any} getGlue returns the wasm-bindgen glue module, or throws
 *   an AndelError when it cannot be used yet (web build before `init()`).
 */
export function makeGuard(getGlue) {
  // Set when a trapped instance could not be replaced: every later call
  // must fail rather than compute on a possibly corrupted memory.
  let poisoned = false;
  // Counts the instances replaced after a trap. An object held in the
  // WebAssembly memory (a computed plan) belongs to one instance: after a
  // restart its handle points into memory that is no longer its own, so
  // its holder builds it again (see `computed` in api.js).
  let instance = 0;

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
    // `source`, for a call about a plan, places the errors (see placeProblem).
    // `second`, for a call that reads two documents (an outcome, plan B),
    // places the errors the core marks as being in that one.
    const inWasm = (fn, source, second) => {
      try {
        return fn(glue);
      } catch (err) {
        throw toAndelError(glue, err, source, second);
      }
    };
    return body(inWasm);
  }

  /** Maps what a call into the WebAssembly module threw to an AndelError. */
  function toAndelError(glue, err, source, second) {
    if (err instanceof AndelError) return err;
    if (err instanceof glue.ErrorInfo) return fromInfo(err, err.second ? second : source);
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
      instance += 1;
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

  /** Which instance is running: changes when a trapped one is replaced. */
  guard.instance = () => instance;
  return guard;
}

/**
 * The AndelError for an ErrorInfo thrown by Rust; frees the ErrorInfo.
 * `source`, for a call about a plan, places the error (see placeProblem).
 */
export function fromInfo(info, source) {
  try {
    const problem = placeProblem(info, source, false);
    return new AndelError(problem.code, problem.message, problem);
  } finally {
    info.free();
  }
}

/**
 * An ErrorInfo as a plain problem { code, message, path, line, column }:
 * the one place where a plan error gets its place.
 *
 * - A plan given as text: the core's path, line, column and message as
 *   they are.
 * - A plan given as an object: the text the core read was written here, so
 *   its lines and columns mean nothing to the caller. The path is the
 *   core's (it names the field of every error, reading errors included);
 *   line and column are null, and the message names the path only.
 *
 * An error that is not about a place in a plan has no path, line or
 * column, unless `always` asks for them (validatePlan's problems all have
 * the same shape): then the path is "" (the whole plan).
 */
export function placeProblem(info, source, always) {
  const code = info.code;
  let message = info.message;
  let path = info.path;
  let line = info.line ?? null;
  let column = info.column ?? null;
  if (path === undefined && !always) return { code, message };
  path = path ?? "";
  if (source !== undefined && source.fromObject && info.path !== undefined) {
    line = null;
    column = null;
    message = `${path || "plan"}: ${info.detail}`;
  }
  return { code, message, path, line, column };
}

export function invalidArgument(message) {
  return new AndelError("invalid_argument", message);
}

export function isAbsent(value) {
  return value === undefined || value === null;
}

export function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A short, side-effect-free description of a value for messages. */
export function describe(value) {
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
