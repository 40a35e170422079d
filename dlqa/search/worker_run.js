// Run dlqa's site search (worker.js) in Node over a built index and answer queries, to
// measure it and to check it ranks as dlqa/search/rank.py does.
// Usage: node worker_run.js <search_index.json>  (queries on stdin, one JSON string per line;
// prints, per query, one JSON array of [location, score] pairs, best first)
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { handle } = require(path.join(__dirname, "worker.js"));

const index = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
handle({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
(async () => {
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const reply = handle({ type: 2, data: JSON.parse(line) });
    const found = reply.data.items.map((group) => [group[0].location, group[0].score]);
    process.stdout.write(JSON.stringify(found) + "\n");
  }
})();
