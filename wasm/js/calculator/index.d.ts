// andel's calculator build for web pages: budgets only (one year's total
// shared by one key). Call `await init()` once before any other function.
export { AndelError, budgetToCsv, computeBudget, referenceBudget, version } from "./andel";
export type {
  AndelErrorCode, Budget, BudgetKey, BudgetKeyName, BudgetMember, LineAmount,
  LineResult, MemberTotal, MemberYear, Membership, Method, Money, PlanResult,
  YearResult
} from "./andel";

// web.d.ts is the browser package's (wasm/js/web/index.d.ts), copied by
// scripts/build-wasm.
export { default, initSync } from "./web";
export type { InitInput } from "./web";
