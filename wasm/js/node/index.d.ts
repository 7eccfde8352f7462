// andel for Node.js: ready on `require`/`import`, no initialisation needed.
export * from "./andel";
