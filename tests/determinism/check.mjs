// Determinism across runtimes: the same plan (or split) gives the same JSON
// from the Rust CLI, the Python binding and the JavaScript package (its Node
// build and its web build, the browser's, run here in Node).
//
//   node tests/determinism/check.mjs ANDEL_BINARY PYTHON
//
// Run by scripts/test-determinism, which builds the CLI first; the Python
// venv (scripts/test-python) and wasm/pkg (scripts/build-wasm via
// scripts/test-js) must exist: a missing one fails the run, never skips it.
//
// What is compared, exactly:
//
// Plans (examples/tillvaxtmotor.toml, examples/tillvaxtmotor-cycle.toml and
// every plan in tests/vectors/plans/expected.json that computes):
//   - Rust: the stdout of `andel plan FILE --format json`, which is core's
//     `PlanResult::to_json` (serde_json pretty: two spaces, "key": value)
//     followed by the one newline the CLI prints after it. That newline is
//     required and removed; the rest is the reference text.
//   - Python: `Plan.load(FILE).compute().to_json()`, compared BYTE FOR BYTE
//     with the reference.
//   - JavaScript: `computePlan(text, { format })` returns an object (the
//     package parses core's JSON; its public API has no function returning
//     the text), so `JSON.stringify(object, null, 2)` is compared BYTE FOR
//     BYTE with the reference. That round trip is lossless only if every
//     JSON number in the result is a safe integer, which is checked first
//     (decimals are strings in the result, so only years and counts are
//     numbers). Done for the Node build and the web build.
//   - The WebAssembly module's own text: the Node build's glue function
//     `computePlan(text, format)` (below the public API) returns core's
//     JSON compact (serde_json::to_string); it is compared BYTE FOR BYTE
//     with the reference re-serialised compactly by JSON.stringify.
//
// Allocations (`andel allocate --format json`, Python
// `json.dumps(andel.explain(...).to_dict(), indent=2, ensure_ascii=False)`, JS `explain({...})`): the three
// texts differ in whitespace by design, and the JavaScript object names its
// fields in camelCase (firstDivisor, quotaDecimal, leftoverUnits) where Rust
// and Python use snake_case. So the PARSED VALUES are compared: each is
// parsed, the JavaScript keys are renamed by that fixed list of three, every
// decimal field is required to be a string (never a number), every number a
// safe integer, and the values are compared as JSON.stringify(value, null, 2)
// (same key order required). Also Python's `json.dumps(..., indent=2,
// ensure_ascii=False)` must equal the CLI's stdout less its final newline
// byte for byte (both write two-space indentation and ", " / ": ").
//
// Prints each case and "identical", or a unified diff; exits 1 on any
// difference or failure.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const [andelBin, python] = process.argv.slice(2);
if (!andelBin || !python) {
  console.error("usage: node tests/determinism/check.mjs ANDEL_BINARY PYTHON");
  process.exit(2);
}

const nodeEntry = join(root, "wasm/pkg/node/index.cjs");
const nodeGlue = join(root, "wasm/pkg/node/andel_wasm.js");
const webEntry = join(root, "wasm/pkg/web/index.js");
const webWasm = join(root, "wasm/pkg/web/andel_wasm_bg.wasm");
for (const [file, made] of [
  [andelBin, "cargo build --release -p andel-cli"],
  [python, "scripts/test-python"],
  [nodeEntry, "scripts/build-wasm"],
  [nodeGlue, "scripts/build-wasm"],
  [webEntry, "scripts/build-wasm"],
  [webWasm, "scripts/build-wasm"],
]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing (made by ${made}): failing, not skipping`);
    process.exit(1);
  }
}
const requireHere = createRequire(import.meta.url);
const node = requireHere(nodeEntry);
const glue = requireHere(nodeGlue);
const web = await import(pathToFileURL(webEntry).href);
web.initSync({ module: readFileSync(webWasm) });
const builds = [
  ["JS (Node build)", node],
  ["JS (web build)", web],
];

// ---- the cases -----------------------------------------------------------

const expected = JSON.parse(readFileSync(join(root, "tests/vectors/plans/expected.json"), "utf8"));
const vectorPlans = Object.entries(expected.plans)
  .filter(([, want]) => want.error === undefined)
  .map(([file]) => `tests/vectors/plans/${file}`);
// The varied ones the issue names must be among them; a renamed vector
// should fail here rather than silently drop the case.
for (const must of [
  "tests/vectors/plans/multi-key-working-group-blend.toml",
  "tests/vectors/plans/pro-rata-days-join-leap-year.json",
  "tests/vectors/plans/limited-cap-cascade.toml",
  "tests/vectors/plans/key-fixed-shares-finsam.toml",
]) {
  if (!vectorPlans.includes(must)) {
    console.error(`${must} is not a computing plan of tests/vectors/plans/expected.json any more`);
    process.exit(1);
  }
}
const planFiles = ["examples/tillvaxtmotor.toml", "examples/tillvaxtmotor-cycle.toml", ...vectorPlans];

// Populations of 31 December 2019 (SCB, /work/shared/domain.md).
const SCB_2019 = [
  ["Båstad", "15128"],
  ["Falkenberg", "45367"],
  ["Halmstad", "102767"],
  ["Hylte", "10815"],
  ["Laholm", "25903"],
  ["Ljungby", "28521"],
];
const splits = [
  { name: "SCB 2019, 1 000 000 kr, whole kronor", total: "1000000", unit: "1", method: "largest_remainder", weights: SCB_2019 },
  { name: "SCB 2019, 1 000 000 kr, öre, d'Hondt", total: "1000000", unit: "0.01", method: "dhondt", weights: SCB_2019 },
  { name: "10 seats, Sainte-Laguë 1.2", total: "10", unit: "1", method: "sainte_lague", firstDivisor: "1.2",
    weights: [["A", "5100"], ["B", "2900"], ["C", "1400"], ["D", "600"]] },
  { name: "negative total, unnamed weights, 0.05", total: "-2500.50", unit: "0.05", method: "largest_ratio", weights: ["3", "2", "1"] },
  { name: "thirds, Huntington-Hill", total: "100", unit: "0.01", method: "huntington_hill", weights: [["a", "1"], ["b", "1"], ["c", "1"]] },
];

// ---- running them ---------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), "andel-determinism-"));
let failures = 0;

function unifiedDiff(nameA, a, nameB, b) {
  const fa = join(tmp, "a");
  const fb = join(tmp, "b");
  writeFileSync(fa, a);
  writeFileSync(fb, b);
  try {
    execFileSync("diff", ["-u", "--label", nameA, "--label", nameB, fa, fb], { encoding: "utf8" });
    return "(diff found no line difference: the texts differ only in a final newline or invisible bytes)";
  } catch (err) {
    if (err.status === 1) return err.stdout;
    throw err;
  }
}

function report(label, pairs) {
  let same = true;
  const lines = [];
  for (const [what, refName, ref, otherName, other, forDiff = (text) => text] of pairs) {
    if (ref === other) continue;
    same = false;
    lines.push(`  ${what}: ${refName} and ${otherName} differ`);
    lines.push(unifiedDiff(refName, forDiff(ref), otherName, forDiff(other)));
  }
  if (same) {
    console.log(`${label}: identical`);
  } else {
    failures += 1;
    console.log(`${label}: DIFFERENT`);
    console.log(lines.join("\n"));
  }
}

function fail(label, message) {
  failures += 1;
  console.log(`${label}: FAILED: ${message}`);
}

function rust(args) {
  try {
    return { text: execFileSync(andelBin, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (err) {
    return { error: `andel ${args.join(" ")} exited ${err.status}: ${String(err.stderr).trim()}` };
  }
}

/** Checks that a parsed JSON value's numbers are all safe integers (so JS parsing lost nothing). */
function unsafeNumbers(value, path = "$") {
  if (typeof value === "number") return Number.isSafeInteger(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeNumbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => unsafeNumbers(v, `${path}.${k}`));
  }
  return [];
}

// Python: one process for every case.
const pyCases = [
  ...planFiles.map((file) => ({ kind: "plan", name: file, file })),
  ...splits.map((s) => ({
    kind: "split",
    name: s.name,
    total: s.total,
    unit: s.unit,
    method: s.method,
    firstDivisor: s.firstDivisor ?? null,
    // Named weights as a mapping (insertion order kept), unnamed as a list.
    weights: s.weights,
  })),
];
writeFileSync(join(tmp, "cases.json"), JSON.stringify(pyCases));
const pyOut = JSON.parse(
  execFileSync(python, [join(root, "tests/determinism/python_side.py")], {
    cwd: root,
    encoding: "utf8",
    input: JSON.stringify(pyCases),
    maxBuffer: 1 << 28,
  }),
);

console.log(`plans: Rust CLI stdout (less its final newline) vs Python to_json() vs JSON.stringify(computePlan(), null, 2), byte for byte`);
for (const file of planFiles) {
  const label = `plan ${file}`;
  const r = rust(["plan", file, "--format", "json"]);
  if (r.error) { fail(label, r.error); continue; }
  if (!r.text.endsWith("}\n")) { fail(label, "the CLI's JSON does not end in '}' and one newline"); continue; }
  const reference = r.text.slice(0, -1);
  const py = pyOut[file];
  if (py.error) { fail(label, `Python: ${py.error}`); continue; }
  const text = readFileSync(join(root, file), "utf8");
  const format = file.endsWith(".json") ? "json" : "toml";
  const pairs = [["Python", "Rust", reference, "Python", py.text]];
  let broken = false;
  for (const [name, build] of builds) {
    let value;
    try {
      value = build.computePlan(text, { format });
    } catch (err) {
      fail(label, `${name}: ${err.code ?? ""} ${err.message}`);
      broken = true;
      break;
    }
    const unsafe = unsafeNumbers(value);
    if (unsafe.length > 0) {
      fail(label, `${name}: numbers JavaScript cannot hold exactly: ${unsafe.join(", ")}`);
      broken = true;
      break;
    }
    pairs.push([name, "Rust", reference, name, JSON.stringify(value, null, 2)]);
  }
  if (broken) continue;
  let wasmText;
  try {
    const computed = new glue.ComputedPlan(text, format);
    try {
      wasmText = computed.resultJson(undefined);
    } finally {
      computed.free();
    }
  } catch (err) {
    fail(label, `WebAssembly glue ComputedPlan threw: ${err.message ?? err}`);
    continue;
  }
  // A one-line text makes an unreadable diff: show a difference indented
  // (if the glue's text does not even parse, as it is).
  const indented = (compact) => {
    try {
      return JSON.stringify(JSON.parse(compact), null, 2);
    } catch {
      return compact;
    }
  };
  pairs.push(["wasm compact text", "Rust (compact)", JSON.stringify(JSON.parse(reference)), "wasm computePlan text", wasmText, indented]);
  report(label, pairs);
}

// The fields of an explained split that are decimals or fractions: strings
// in every runtime, never numbers.
const DECIMAL_FIELDS = ["total", "unit", "weight", "share", "quota", "quota_decimal", "amount"];
const CAMEL_TO_SNAKE = { firstDivisor: "first_divisor", quotaDecimal: "quota_decimal", leftoverUnits: "leftover_units" };

function snake(value) {
  if (Array.isArray(value)) return value.map(snake);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [CAMEL_TO_SNAKE[k] ?? k, snake(v)]));
  }
  return value;
}

function numberDecimals(split) {
  const bad = [];
  for (const field of ["total", "unit"]) if (typeof split[field] !== "string") bad.push(field);
  if (split.first_divisor !== null && typeof split.first_divisor !== "string") bad.push("first_divisor");
  split.parts.forEach((part, i) => {
    for (const field of DECIMAL_FIELDS.slice(2)) if (typeof part[field] !== "string") bad.push(`parts[${i}].${field}`);
  });
  return bad;
}

console.log();
console.log(`allocations: parsed values of Rust 'allocate --format json', Python json.dumps(explain().to_dict()), JS explain() (keys ${Object.keys(CAMEL_TO_SNAKE).join(", ")} renamed to snake_case)`);
for (const s of splits) {
  const label = `allocate ${s.name}`;
  const named = typeof s.weights[0] !== "string";
  const args = ["allocate", "--total", s.total, "--unit", s.unit, "--method", s.method, "--format", "json"];
  if (s.firstDivisor) args.push("--first-divisor", s.firstDivisor);
  args.push(...s.weights.map((w) => (named ? `${w[0]}=${w[1]}` : w)));
  const r = rust(args);
  if (r.error) { fail(label, r.error); continue; }
  const py = pyOut[s.name];
  if (py.error) { fail(label, `Python: ${py.error}`); continue; }
  const values = [["Rust", JSON.parse(r.text)], ["Python", JSON.parse(py.text)]];
  let broken = false;
  for (const [name, build] of builds) {
    const options = {
      total: s.total,
      unit: s.unit,
      method: s.method,
      weights: named ? Object.fromEntries(s.weights) : s.weights,
    };
    if (s.firstDivisor) options.firstDivisor = s.firstDivisor;
    try {
      values.push([name, snake(build.explain(options))]);
    } catch (err) {
      fail(label, `${name}: ${err.code ?? ""} ${err.message}`);
      broken = true;
      break;
    }
  }
  if (broken) continue;
  const problems = values.flatMap(([name, v]) => [
    ...numberDecimals(v).map((f) => `${name}: ${f} is not a string`),
    ...unsafeNumbers(v).map((f) => `${name}: ${f} is not a safe integer`),
  ]);
  if (problems.length > 0) { fail(label, problems.join("; ")); continue; }
  const canonical = values.map(([name, v]) => [name, JSON.stringify(v, null, 2)]);
  const pairs = canonical.slice(1).map(([name, text]) => [name, "Rust", canonical[0][1], name, text]);
  if (!r.text.endsWith("}\n")) { fail(label, "the CLI's JSON does not end in '}' and one newline"); continue; }
  pairs.push(["Python text", "Rust text", r.text.slice(0, -1), "Python json.dumps", py.text]);
  report(label, pairs);
}

rmSync(tmp, { recursive: true, force: true });
console.log();
const total = planFiles.length + splits.length;
if (failures > 0) {
  console.log(`determinism: ${failures} of ${total} cases differ or failed`);
  process.exit(1);
}
console.log(`determinism: all ${total} cases identical (${planFiles.length} plans, ${splits.length} allocations)`);
