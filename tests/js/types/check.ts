// Compiled with `tsc --noEmit` by scripts/test-js: the hand-written types of
// both builds must compile, give real types (not `any`), and refuse the
// calls the runtime refuses. A `@ts-expect-error` line that compiles fails.
import {
  allocate,
  explain,
  methods,
  roundToUnit,
  roundingModes,
  version,
  AndelError,
  type AndelErrorCode,
  type Explanation,
  type Method,
  type RoundingMode,
} from "andel";
import init, { initSync, allocate as webAllocate, AndelError as WebAndelError } from "andel-web";

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: [
  IsAny<ReturnType<typeof explain>>,
  IsAny<ReturnType<typeof roundToUnit>>,
  IsAny<AndelError["code"]>,
  IsAny<Parameters<typeof allocate>[0]>,
] = [false, false, false, false];

// A list of weights gives a list; an object gives the same keys.
const list: string[] = allocate({ total: "100", weights: [1, "2", 3n], names: ["a", "b", "c"] });
const named: Record<"Båstad" | "Hylte", string> = allocate({
  total: 1000n,
  unit: "1",
  method: "sainte_lague",
  firstDivisor: 1.2,
  weights: { Båstad: 15128, Hylte: 10815 },
});
const one: string = named.Hylte;

const e: Explanation = explain({ total: "10", weights: { a: 1 } });
const left: number = e.parts[0].leftoverUnits;
const share: string = e.parts[0].share;
const name: string | null = e.parts[0].name;
const divisor: string | null = e.firstDivisor;
const method: Method = e.method;

const rounded: string = roundToUnit("2.005", "0.01", "half_even");
const allMethods: Method[] = methods();
const allModes: RoundingMode[] = roundingModes();
const v: string = version();

try {
  allocate({ total: "1", weights: [] });
} catch (err) {
  if (err instanceof AndelError) {
    const code: AndelErrorCode | (string & {}) = err.code;
    const isName: "AndelError" = err.name;
    const message: string = err.message;
    const asError: Error = err;
    void [code, isName, message, asError];
  }
}

// @ts-expect-error money is never a JS number
allocate({ total: 100, weights: [1] });
// @ts-expect-error the unit is money too
allocate({ total: "100", unit: 0.01, weights: [1] });
// @ts-expect-error unknown method name
allocate({ total: "1", weights: [1], method: "hare" });
// @ts-expect-error names come from the keys of an object of weights
allocate({ total: "1", weights: { a: 1 }, names: ["a"] });
// @ts-expect-error weights are required
allocate({ total: "1" });
// @ts-expect-error leftoverUnits is a number
const wrongLeft: string = e.parts[0].leftoverUnits;
// @ts-expect-error unknown rounding mode
roundToUnit("1", "1", "half_up");
// @ts-expect-error the amount is money
roundToUnit(1.5);

// The web build: init first, same API.
await init();
await init({ module_or_path: new URL("https://example.invalid/andel_wasm_bg.wasm") });
initSync({ module: new Uint8Array(8) });
const webList: string[] = webAllocate({ total: "1", weights: [1] });
const sameShape: typeof WebAndelError.prototype.code = "negative_weight";

void [notAny, list, one, left, share, name, divisor, method, rounded, allMethods, allModes, v, wrongLeft, webList, sameShape];
export {};
