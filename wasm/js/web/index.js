// andel for browsers (and any ES module host): the public API around the
// wasm-bindgen `--target web` glue. Call `await init()` once (or `initSync`
// with the .wasm bytes) before anything else.
import glueInit, * as glue from "./andel_wasm.js";
import { bindApi } from "./api.js";
import { AndelError, startWeb } from "./runtime.js";

const start = startWeb(glueInit, glue);

/**
 * Loads and starts the WebAssembly module. Without an argument it fetches
 * `andel_wasm_bg.wasm` next to this file; pass `{ module_or_path }` (a URL,
 * a Response, bytes or a compiled WebAssembly.Module) to load it elsewhere.
 * Calling it again does nothing.
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
export const {
  computeBudget,
  budgetToCsv,
  referenceBudget,
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
} = api;
