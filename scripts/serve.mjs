// The demo pages' static server, on 127.0.0.1 only: web/ at /, andel's
// calculator build (wasm/pkg/calculator) at /pkg/, the full browser build
// (wasm/pkg/plan) at /pkg-plan/ for <andel-plan>, and the example plans
// (examples/, read only like everything here) at /examples/ — the layout
// docs/web.md tells a site to copy. `scripts/serve` runs it; the browser tests and
// benchmarks import `startServer` from here, so the page they check is served
// exactly as a newcomer serves it.
//
//   node scripts/serve.mjs [--port PORT]     # PORT 0 picks a free port
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** Where each URL prefix is read from; the first matching prefix wins. */
export const MOUNTS = [
  ["/pkg/", join(root, "wasm", "pkg", "calculator")],
  ["/pkg-plan/", join(root, "wasm", "pkg", "plan")],
  ["/examples/", join(root, "examples")],
  ["/", join(root, "web")],
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".toml": "text/plain; charset=utf-8",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

/** Resolves a request path to a file under one of `mounts`, or null (never outside them). */
function resolve(mounts, pathname) {
  let path = decodeURIComponent(pathname);
  if (path.endsWith("/")) path += "index.html";
  const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
  const file = normalize(join(dir, path.slice(prefix.length)));
  return file.startsWith(dir + sep) ? file : null;
}

/**
 * Starts the server; resolves to `{ url, close }`. `port` 0 (the default)
 * picks a free port; `mounts` replaces MOUNTS (the tests use it to serve a
 * page whose package is missing).
 */
export async function startServer({ port = 0, mounts = MOUNTS } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const file = resolve(mounts, new URL(req.url, "http://x").pathname);
      if (!file) throw new Error("outside the served folders");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const address = server.address();
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((r) => {
    // close() waits for every open connection; a browser may keep one
    // busy (a fetch left pending by a page closed mid-load) for minutes.
    server.close(r);
    server.closeAllConnections();
  }) };
}

async function main(args) {
  let port = 8000;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port" && /^\d+$/.test(args[i + 1] ?? "")) port = Number(args[++i]);
    else {
      console.error("usage: node scripts/serve.mjs [--port PORT]");
      process.exit(2);
    }
  }
  const { url } = await startServer({ port });
  // One line a test (or a person) can read the address from.
  console.log(`andel demo: ${url} (the calculator), ${url}plan.html (the plan); Ctrl-C stops`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
