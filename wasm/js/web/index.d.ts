// andel for browsers and other ES module hosts. Call `await init()` once
// before any other function.
export * from "./andel";

/** Where the WebAssembly module comes from: a URL, a fetch Response, bytes or a compiled module. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads and starts the WebAssembly module. Without an argument it fetches
 * `andel_wasm_bg.wasm` next to the JavaScript file. Calling it again does
 * nothing.
 */
export default function init(options?: {
  module_or_path: InitInput | Promise<InitInput>;
}): Promise<void>;

/** Starts the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(options: { module: BufferSource | WebAssembly.Module }): void;
