// dlqa's site search: the ranking of dlqa/search/rank.py, for the browser (the tests check
// that both give the same results). It speaks the protocol of Material for MkDocs' search
// worker (SETUP -> READY, QUERY -> RESULT), so Material's search box, result list and
// keyboard behaviour stay as they are; only what is found, and in which order, is dlqa's.
// The index (dlqa.search.entries.site_index) brings the stop words, stems, glossary
// expansions and weights; this file holds no data of its own.
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const FIELDS = ["p", "k", "a", "b"];
const WORD = /[a-z0-9]+/g;
const BRITISH = /is(e|ed|es|er|ers|ing|ation|ations)$/;

function tokens(text) {
  const found = text.normalize("NFKD").toLowerCase().match(WORD) || [];
  return found.map((w) => w.replace(BRITISH, "iz$1"));
}

function distance(a, b, limit) {
  // Edit distance with swaps of neighbours, or limit + 1 once it must exceed limit.
  let prev2 = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    if (Math.min(...cur) > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[prev.length - 1];
}

class Ranker {
  constructor(index) {
    const cfg = index.config.dlqa;
    this.w = cfg.weights;
    this.stop = new Set(cfg.stop);
    this.stems = cfg.stems;
    this.expand = cfg.expand;
    const vocab = new Set();
    this.docs = index.docs.map((d) => {
      const items = {
        p: [d.title, ...(d.p || [])],
        k: d.k || [],
        a: d.text ? [d.text] : [],
        b: d.b && d.b.length ? [d.b.join(" ")] : [],
      };
      const fields = {};
      for (const name of FIELDS) {
        const toks = items[name].map(tokens);
        for (const ts of toks) for (const t of ts) vocab.add(t);
        fields[name] = toks.filter((ts) => ts.length).map((ts) => ts.map((t) => this.stem(t)));
      }
      const content = items.p
        .map((s) => new Set(tokens(s).filter((t) => !this.stop.has(t)).map((t) => this.stem(t))))
        .filter((c) => c.size);
      return { doc: d, fields, content, question: Boolean(d.q) };
    });
    for (const [key, meanings] of Object.entries(this.expand)) {
      vocab.add(key);
      for (const m of meanings) for (const t of m.split(" ")) vocab.add(t);
    }
    this.vocab = [...vocab].sort();
    this.known = vocab;
    const n = this.docs.length;
    this.df = new Map();
    for (const { fields } of this.docs) {
      const seen = new Set();
      for (const name of FIELDS) for (const item of fields[name]) for (const s of item) seen.add(s);
      for (const s of seen) this.df.set(s, (this.df.get(s) || 0) + 1);
    }
    this.idf = new Map();
    for (const [s, c] of this.df) this.idf.set(s, Math.log(1 + (n - c + 0.5) / (c + 0.5)));
    this.avg = {};
    for (const name of FIELDS) {
      let sum = 0, count = 0;
      for (const { fields } of this.docs) for (const item of fields[name]) { sum += item.length; count++; }
      this.avg[name] = count ? sum / count : 1.0;
    }
    for (const entry of this.docs) entry.match = this.matches(entry);
  }

  stem(token) {
    return Object.prototype.hasOwnProperty.call(this.stems, token) ? this.stems[token] : token;
  }

  groups(query) {
    const toks = tokens(query);
    let words = toks.filter((t) => !this.stop.has(t));
    if (!words.length) words = toks;
    return words.map((word) => {
      const alts = this.known.has(word) ? [[[this.stem(word)], 1.0]] : this.unknown(word);
      const meanings = Object.prototype.hasOwnProperty.call(this.expand, word) ? this.expand[word] : [];
      for (const meaning of meanings) {
        const stems = meaning.split(" ").filter((t) => !this.stop.has(t)).map((t) => this.stem(t));
        if (stems.length) alts.push([stems, this.w.expansion]);
      }
      return [word, alts];
    });
  }

  unknown(word) {
    const w = this.w;
    for (let i = 3; i < word.length - 2; i++) {
      const a = word.slice(0, i), b = word.slice(i);
      if (this.known.has(a) && this.known.has(b)) return [[[this.stem(a), this.stem(b)], w.split]];
    }
    let longest = null;
    for (const v of this.vocab)
      if (v.length >= 4 && 5 * v.length >= 3 * word.length && word.startsWith(v)
          && (longest === null || v.length > longest.length)) longest = v;
    if (longest !== null) return [[[this.stem(longest)], w.stem_of]];
    if (word.length >= 3) {
      const begun = this.vocab.filter((v) => v.startsWith(word));
      if (begun.length) {
        const df = (v) => this.df.get(this.stem(v)) || 0;
        begun.sort((x, y) => (df(y) - df(x)) || (x < y ? -1 : x > y ? 1 : 0));
        return begun.slice(0, w.max_prefix).map((v) => [[this.stem(v)], w.prefix]);
      }
    }
    if (word.length >= 4) {
      const limit = word.length >= 8 ? 2 : 1;
      const near = new Map();
      for (const v of this.vocab)
        if (Math.abs(v.length - word.length) <= limit) near.set(v, distance(word, v, limit));
      const closest = Math.min(limit + 1, ...near.values());
      if (closest <= limit)
        return [...near].filter(([, d]) => d === closest).map(([v]) => [[this.stem(v)], w.typo]);
    }
    return [];
  }

  matches(entry) {
    // Stem -> the best of the entry's fields for it (see rank.py).
    const w = this.w;
    const weight = { p: w.phrasing, k: w.terms, a: w.answer, b: w.keys };
    const best = new Map();
    for (const name of FIELDS) {
      for (const item of entry.fields[name]) {
        const norm = 1 - w.b + w.b * item.length / this.avg[name];
        for (const stem of new Set(item)) {
          let tf = 0;
          for (const s of item) if (s === stem) tf++;
          const value = weight[name] * (tf * (w.k1 + 1) / (tf + w.k1 * norm));
          if (value > (best.get(stem) || 0.0)) best.set(stem, value);
        }
      }
    }
    return best;
  }

  term(entry, stem) {
    return entry.match.has(stem) ? this.idf.get(stem) * entry.match.get(stem) : 0.0;
  }

  score(entry, groups) {
    const w = this.w;
    let total = 0.0, matched = 0;
    const chosen = [];
    for (const [, alts] of groups) {
      let best = 0.0, stems = [];
      for (const [altStems, weight] of alts) {
        let sum = 0.0;
        for (const s of altStems) sum += this.term(entry, s);
        const value = weight * sum / altStems.length;
        if (value > best) { best = value; stems = altStems; }
      }
      total += best;
      if (best > 0) matched++;
      chosen.push(stems);
    }
    if (!total) return [0.0, chosen];
    // How closely one phrasing says what the query says (see rank.py).
    let together = 0.0;
    for (const words of entry.content) {
      const held = chosen.filter((stems) => stems.length && stems.every((s) => words.has(s)));
      const covered = new Set(held.flat());
      let shared = 0;
      for (const s of covered) if (words.has(s)) shared++;
      together = Math.max(together, held.length / groups.length * shared / words.size);
    }
    const score = total * (matched / groups.length) ** w.coverage * (1 + w.together * together ** 2);
    return [entry.question ? score : score * w.other_page, chosen];
  }

  search(query, top) {
    const groups = this.groups(query);
    if (!groups.length) return [];
    const scored = [];
    for (const entry of this.docs) {
      const [score, chosen] = this.score(entry, groups);
      if (score > 0) scored.push({ entry, score, chosen });
    }
    scored.sort((x, y) => (y.score - x.score)
      || (x.entry.doc.location < y.entry.doc.location ? -1 : x.entry.doc.location > y.entry.doc.location ? 1 : 0));
    return [groups, scored.slice(0, top)];
  }
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const wordStems = new Map();  // a word as written -> its stems (the same words recur)

function highlight(ranker, text, stems) {
  // Mark the words of `text` whose stem the document matched.
  let out = "", last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (!wordStems.has(word)) wordStems.set(word, tokens(word).map((t) => ranker.stem(t)));
    const hit = wordStems.get(word).some((s) => stems.has(s));
    out += escape(text.slice(last, match.index));
    out += hit ? `<mark>${escape(word)}</mark>` : escape(word);
    last = match.index + word.length;
  }
  return out + escape(text.slice(last));
}

let ranker = null;

function result(query) {
  const found = ranker.search(query, 100);
  if (!found.length) return { items: [] };
  const [groups, scored] = found;
  const items = scored.map(({ entry, score, chosen }) => {
    const stems = new Set(chosen.flat());
    const terms = {};
    groups.forEach(([word], i) => { terms[word] = chosen[i].length > 0; });
    const d = entry.doc;
    return [{ location: d.location, title: highlight(ranker, d.title, stems),
              text: highlight(ranker, d.text, stems), score, terms }];
  });
  return { items };
}

function setup(data) {
  ranker = new Ranker(data);
  wordStems.clear();
  return { type: READY };
}

// Over HTTP, Material's page script fetches search_index.json and hands it over: dlqa keeps
// that file small (its config names the real index), and the worker fetches the index itself
// when the reader first searches, so that a page load neither downloads it nor spends the
// page's main thread on it. From file://, where a worker cannot fetch, the page hands over the
// whole index (search_index.js).
let pending = null;  // the settings naming the index, until it is fetched
let loading = null;  // the fetch under way

async function fetchIndex() {
  const response = await fetch(new URL(pending.config.dlqa_index, self.location.href));
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  setup({ ...(await response.json()), options: pending.options });
  pending = null;
}

function handle(message) {
  switch (message.type) {
    case SETUP:
      if (!message.data.docs.length && message.data.config.dlqa_index) {
        pending = message.data;
        ranker = null;
        loading = null;
        return { type: READY };
      }
      return setup(message.data);
    case QUERY:
      // Material asks with the empty box as soon as the worker is ready: not a search yet.
      if (pending && message.data.trim()) {
        // A failed fetch answers with no results and is tried again at the next query.
        loading = loading || fetchIndex().catch((error) => { loading = null; throw error; });
        return loading.then(() => handle(message), () => ({ type: RESULT, data: { items: [] } }));
      }
      return { type: RESULT, data: ranker ? result(message.data) : { items: [] } };
    default:
      throw new TypeError("Invalid message type");
  }
}

if (typeof module !== "undefined") module.exports = { Ranker, tokens, handle };
else addEventListener("message", async (ev) => postMessage(await handle(ev.data)));
