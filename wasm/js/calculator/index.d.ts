// andel's calculator build for web pages: a subset of the browser package
// (plans as JSON text or objects; no TOML, annual cycle or explanations).
// Call `await init()` once before any other function.
export {
  AndelError,
  allocate,
  roundToUnit,
  methods,
  roundingModes,
  version,
  computePlan,
  validatePlan,
  referencePlan,
} from "./andel";
export type {
  AndelErrorCode, BlendKey, BlendPart, Calendar, CalendarEntry, Cause,
  CauseKind, ChangeExplanation, CostLine, DiffOptions, EqualKey,
  ExplainedPart, Explanation, FixedAmountsKey, FixedSharesKey, Funding,
  InKind, Indexation, Instalments, Invoice, InvoiceRun, Invoices,
  InvoicesOptions, Key, LimitedKey, LineAmount, LineResult, LineSettlement,
  ListSplit, Member, MemberDiff, MemberFigure, MemberKind,
  MemberSettlement, MemberTotal, MemberYear, Membership, Method, MetricKey,
  Milestone, MilestoneFigures, Money, MonthDay, NamedSplit, Outcome,
  OutcomeFile, OutcomeTextOptions, PerCapitaKey, PerInhabitantFeeKey, Plan,
  PlanDate, PlanExplanation, PlanFormat, PlanJsonSchema, PlanNumber,
  PlanObjectOptions, PlanProblem, PlanResult, PlanTextOptions,
  PopulationRule, RoundingMode, ScenarioDiff, Settlement, SplitSettings,
  Weight, WeightsKey, WhyOptions, YearDiff, YearResult
} from "./andel";

// web.d.ts is the browser package's (wasm/js/web/index.d.ts), copied by
// scripts/build-wasm.
export { default, initSync } from "./web";
export type { InitInput } from "./web";
