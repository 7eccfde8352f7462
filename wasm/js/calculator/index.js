// andel's calculator build for web pages: the module that <andel-calculator>
// loads. It is the browser package's API with fewer functions, over a
// WebAssembly module built without the TOML reader, the annual cycle and
// the explanations (andel-wasm without its `full` feature), so that a page
// embedding the calculator loads about a quarter less. Plans are JSON or
// objects here; everything it has works exactly as in the full package.
// Call `await init()` once before anything else.
//
// web.js is the browser package's entry (wasm/js/web/index.js), copied
// beside this build's own glue by scripts/build-wasm; only what this build
// can do is exported from it.
export {
  default,
  initSync,
  AndelError,
  allocate,
  roundToUnit,
  methods,
  roundingModes,
  version,
  computePlan,
  validatePlan,
  referencePlan,
  __testPanic,
} from "./web.js";
