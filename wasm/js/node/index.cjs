// andel for Node.js: the public API around the wasm-bindgen `--target nodejs`
// glue, which loads the WebAssembly module synchronously on `require`.
// Works with `require("…")` and with `import { allocate } from "…"` (Node
// reads the named exports below), and both give the same AndelError class.
"use strict";

const glue = require("./andel_wasm.js");
const { AndelError, bindApi } = require("./api.cjs");

const api = bindApi(() => glue);

// One assignment per name, so Node's ES module loader can see the names.
exports.AndelError = AndelError;
exports.computeBudget = api.computeBudget;
exports.budgetToCsv = api.budgetToCsv;
exports.referenceBudget = api.referenceBudget;
exports.allocate = api.allocate;
exports.allocateUnits = api.allocateUnits;
exports.explain = api.explain;
exports.roundToUnit = api.roundToUnit;
exports.methods = api.methods;
exports.roundingModes = api.roundingModes;
exports.errorCodes = api.errorCodes;
exports.version = api.version;
exports.computePlan = api.computePlan;
exports.explainPlan = api.explainPlan;
exports.validatePlan = api.validatePlan;
exports.referencePlan = api.referencePlan;
exports.planSchema = api.planSchema;
exports.planToJson = api.planToJson;
exports.planToCsv = api.planToCsv;
exports.planCalendar = api.planCalendar;
exports.planCalendarIcs = api.planCalendarIcs;
exports.planInvoices = api.planInvoices;
exports.settlePlan = api.settlePlan;
exports.diffPlans = api.diffPlans;
exports.whyChanged = api.whyChanged;
exports.computedPlan = api.computedPlan;
exports.__testPanic = api.__testPanic;
