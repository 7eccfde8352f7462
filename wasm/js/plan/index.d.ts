// andel's plan build for web pages (what <andel-plan> loads): plans
// computed, explained and why they changed, as JSON and CSV.
// Call `await init()` once before any other function.
export {
  AndelError, version, errorCodes,
  computePlan, explainPlan, planToJson, planToCsv, whyChanged, computedPlan
} from "./andel";
export type * from "./andel";

// web.d.ts is the browser package's (wasm/js/web/index.d.ts), copied by
// scripts/build-wasm.
export { default, initSync } from "./web";
export type { InitInput } from "./web";
