// Run Material's own search worker (lunr and its ranking) in Node over a search index and
// answer queries, so search quality can be measured without a browser.
// Usage: node search_worker_run.js <worker.js> <search_index.json>  (queries on stdin, one
// JSON string per line; prints one JSON array of result page URLs per query)
"use strict";
const fs = require("fs");
const vm = require("vm");
const readline = require("readline");

const [workerPath, indexPath] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
let handler = null;
const replies = [];
const context = {
  console, setTimeout, clearTimeout, Promise,
  addEventListener: (type, fn) => { if (type === "message") handler = fn; },
  postMessage: (message) => replies.push(message),
  importScripts: () => {},  // only needed for languages other than English
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(workerPath, "utf8"), context);

async function send(message) {
  replies.length = 0;
  await handler({ data: message });
  for (let i = 0; i < 100 && !replies.length; i++) await new Promise((r) => setTimeout(r, 0));
  return replies[0];
}

(async () => {
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const reply = await send({ type: 2, data: JSON.parse(line) });
    const pages = reply.data.items.map((group) => group[0].location.split("#")[0]);
    process.stdout.write(JSON.stringify(pages) + "\n");
  }
})();
