// andel's calculator build for web pages: what <andel-calculator> loads.
// One year's budget shared by one key (`computeBudget`), over a
// WebAssembly module built without the plan reader, the annual cycle and
// the explanations (andel-wasm without its `full` feature), so that a page
// embedding the calculator loads about half of the full package. Its
// functions work exactly as in the full package. Call `await init()` once
// before anything else.
import glueInit, * as glue from "./andel_wasm.js";
import { bindBudget } from "./budget.js";
import { AndelError, makeGuard, startWeb } from "./runtime.js";

const start = startWeb(glueInit, glue);
const guard = makeGuard(start.getGlue);

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

export { AndelError };
export const { computeBudget, budgetToCsv, referenceBudget } = bindBudget(guard);

/** The version of andel. */
export function version() {
  return guard((inWasm) => inWasm((g) => g.version()));
}

/** Test-only: makes the Rust side panic (see wasm/src/panic.rs). */
export function __testPanic() {
  return guard((inWasm) => inWasm((g) => g.__testPanic()));
}
