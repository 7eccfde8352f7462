// The browser tests serve the demo pages with the same server as
// `scripts/serve`, so what they check is what a newcomer opens.
export { startServer, MOUNTS } from "../../scripts/serve.mjs";
