/**
 * `npm run score`: parses every corpus transcript and compares it with its truth file. Prints every miss, a
 * table per field and per source kind, the turns in a wrong mouth, and last `all: N%` and `held-back: N%`
 * (basic fields right out of fields scored). `--dev` scores the development set only (what one tunes on);
 * `--quiet` leaves out the list of misses.
 */
import { parseTranscript } from "../../src/parse/parse.js";
import { FIELDS, scoreTranscript, type Field, type Score } from "./score-lib.js";
import { loadCorpus, type CorpusEntry } from "./truth.js";

interface Tally { right: number; scored: number }
const tally = (): Tally => ({ right: 0, scored: 0 });
const pct = (t: Tally) => (t.scored === 0 ? "-" : `${Math.floor((100 * t.right) / t.scored)}%`);

function add(t: Tally, right: boolean): void {
  t.scored++;
  if (right) t.right++;
}

function fieldTally(scores: Score[]): Tally {
  const t = tally();
  for (const s of scores) for (const f of FIELDS) if (s.fields[f]) add(t, s.fields[f].right);
  return t;
}

function printMisses(e: CorpusEntry, s: Score): void {
  const lines: string[] = [];
  for (const f of FIELDS) {
    const r = s.fields[f];
    if (r && !r.right) lines.push(`  ${f}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.got)}`);
  }
  for (const t of s.turns) {
    if (t.right) continue;
    const why = t.wrongMouth ? "WRONG MOUTH" : "turn";
    lines.push(`  ${why}: "${t.first}" expected ${t.expected ?? "(no name)"}/${t.expectedRole}, got ${t.got ?? "(no name)"}/${t.gotRole ?? "not found"}`);
  }
  if (lines.length) console.log(`${e.set}/${e.name}\n${lines.join("\n")}`);
}

function table(title: string, rows: [string, Tally, Tally][]): void {
  console.log(`\n| ${title} | fields right | turns right |\n|---|---|---|`);
  for (const [name, f, t] of rows) console.log(`| ${name} | ${f.right}/${f.scored} (${pct(f)}) | ${t.right}/${t.scored} (${pct(t)}) |`);
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const entries = loadCorpus(args.has("--dev") ? ["dev"] : ["dev", "held-back"]);
  const results = entries.map((e) => ({ e, s: scoreTranscript(e.truth, parseTranscript(e.text)) }));
  if (!args.has("--quiet")) for (const { e, s } of results) printMisses(e, s);

  const perField = new Map<Field, Tally>(FIELDS.map((f) => [f, tally()]));
  const turns = tally();
  for (const { s } of results) {
    for (const f of FIELDS) if (s.fields[f]) add(perField.get(f)!, s.fields[f].right);
    for (const t of s.turns) add(turns, t.right);
  }
  console.log(`\n| field | right |\n|---|---|`);
  for (const [f, t] of perField) console.log(`| ${f} | ${t.right}/${t.scored} (${pct(t)}) |`);
  console.log(`| turns (speaker and role) | ${turns.right}/${turns.scored} (${pct(turns)}) |`);

  const kinds = [...new Set(results.map((r) => r.e.truth.kind))].sort();
  table("source kind", kinds.map((k) => {
    const of = results.filter((r) => r.e.truth.kind === k);
    const t = tally();
    for (const r of of) for (const c of r.s.turns) add(t, c.right);
    return [`${k} (${of.length})`, fieldTally(of.map((r) => r.s)), t];
  }));

  const wrong = results.flatMap((r) => r.s.turns.filter((t) => t.wrongMouth).map((t) => `${r.e.set}/${r.e.name}: "${t.first}" given to ${t.got}`));
  console.log(`\ntranscripts: ${results.length} (${results.filter((r) => r.e.set === "dev").length} dev, ${results.filter((r) => r.e.set === "held-back").length} held back), kinds: ${kinds.length}`);
  console.log(`words in a wrong mouth: ${wrong.length} turn(s)${wrong.length ? `\n  ${wrong.join("\n  ")}` : ""}`);
  const dev = fieldTally(results.filter((r) => r.e.set === "dev").map((r) => r.s));
  const held = fieldTally(results.filter((r) => r.e.set === "held-back").map((r) => r.s));
  const all = fieldTally(results.map((r) => r.s));
  console.log(`dev: ${pct(dev)} (${dev.right}/${dev.scored})`);
  console.log(`all: ${pct(all)} (${all.right}/${all.scored})`);
  console.log(`held-back: ${pct(held)} (${held.right}/${held.scored})`);
}

main();
