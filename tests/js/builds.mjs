// Loads the two builds of the JavaScript package made by scripts/build-wasm.
// A missing build is an error, never a skip: every test file importing this
// fails until scripts/build-wasm has run.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const pkg = new URL("../../wasm/pkg/", import.meta.url);
export const nodeEntry = new URL("node/index.cjs", pkg);
export const webEntry = new URL("web/index.js", pkg);
export const webWasm = new URL("web/andel_wasm_bg.wasm", pkg);

for (const file of [nodeEntry, webEntry, webWasm]) {
  if (!existsSync(file)) {
    throw new Error(`${fileURLToPath(file)} is missing: run scripts/build-wasm first`);
  }
}

/** The Node build, loaded with `require` as a CommonJS user would. */
export const node = createRequire(import.meta.url)(fileURLToPath(nodeEntry));

/**
 * The web build (an ES module), initialised the way a page that already
 * has the bytes would: `initSync({ module })`.
 */
export async function loadWeb() {
  const web = await import(webEntry.href);
  web.initSync({ module: readFileSync(webWasm) });
  return web;
}

/** The embeddable calculator's build: the web build's API, fewer functions. */
export const calculatorEntry = new URL("calculator/index.js", pkg);
export const calculatorWasm = new URL("calculator/andel_wasm_bg.wasm", pkg);
for (const file of [calculatorEntry, calculatorWasm]) {
  if (!existsSync(file)) {
    throw new Error(`${fileURLToPath(file)} is missing: run scripts/build-wasm first`);
  }
}
