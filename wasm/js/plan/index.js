// andel's plan build for web pages: what <andel-plan> loads. The full
// package's wrapper (api.js) around a WebAssembly module built with only the
// plan page's functions (andel-wasm's `plan` feature: plans in TOML and JSON
// computed, explained, why they changed, as JSON and CSV; no budgets,
// allocate, annual cycle, check or schema), so that the plan page stays
// within its size budget (BENCHMARKS.md, "The plan page"). The functions
// here work exactly as in the full package. Call `await init()` once before
// anything else.
import glueInit, * as glue from "./andel_wasm.js";
import { bindApi } from "./api.js";
import { AndelError, startWeb } from "./runtime.js";

const start = startWeb(glueInit, glue);

/**
 * Loads and starts the WebAssembly module. Without an argument it fetches
 * `andel_wasm_bg.wasm` next to this file; pass `{ module_or_path }` to load
 * it elsewhere. Calling it again does nothing.
 */
export default async function init(options) {
  await start.init(options);
}

/** Starts the WebAssembly module synchronously from `{ module }` (bytes or a compiled module). */
export function initSync(options) {
  start.initSync(options);
}

const api = bindApi(start.getGlue);

export { AndelError };
// Only what this module has: the others are not exported at all, so an
// import of one fails when the page loads rather than when it is called.
export const {
  version,
  errorCodes,
  computePlan,
  explainPlan,
  planToJson,
  planToCsv,
  whyChanged,
  computedPlan,
  __testPanic,
} = api;
