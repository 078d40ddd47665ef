import { describe, expect, it, vi } from "vitest";
import { emptyLedger, serializeLedger, type Ledger } from "../../src/ids/ledger-file.js";
import { reconcile, type ReconcileMemo } from "../../src/ids/reconcile.js";
import { legacySketches, sectionText } from "../../src/ids/text.js";
import type { Transcript } from "../../src/model/transcript.js";
import { parseTranscript } from "../../src/parse/parse.js";

/**
 * reconcile skips scoring where the result cannot depend on it: a transcript whose sections all find a record
 * scoring 1 (same fingerprint or same sketches) scores no other pair, and a section compared with a version-1
 * record takes its sha256 sketches from a version-1 record with the same fingerprint. These runs of random
 * corrections check that the ids, links and ledger are exactly those of scoring every pair.
 */

let seed = 1;
const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
// A small vocabulary, short answers and repeated sections: many near and exact duplicates, many ties.
const VOCAB = "peace war trade gas oil talks border visa europe russia china partner sanctions law order treaty".split(" ");
const words = (n: number): string => Array.from({ length: n }, () => pick(VOCAB)).join(" ");
type Qa = [question: string, answer: string];
const newQa = (): Qa => [
  `${pick(["What about", "How do you see", "Thank you.", "Will"])} ${words(1 + Math.floor(random() * 8))}?`,
  // Long answers have more than 64 shingles: an edit outside their smallest hashes leaves the sketch as it was.
  pick(["Thank you.", "Yes.", words(2 + Math.floor(random() * 12)), words(80 + Math.floor(random() * 100))]),
];
const TITLES = ["Press conference, Moscow, March 4, 2021", "Interview, Sochi, May 5, 2020", "Talks, Geneva, June 1, 2019"];
const text = (qas: Qa[], title: string): string => [title, "", "Dear colleagues, thank you.", "", ...qas.flatMap(([q, a]) => [`Question: ${q}`, "", `Sergey Lavrov: ${a}`, ""])].join("\n");
const editWord = (s: string): string => {
  const w = s.split(" ");
  w[Math.floor(random() * w.length)] = pick(VOCAB);
  return w.join(" ");
};
function correct(qas: Qa[]): Qa[] {
  const out = qas.map((x) => [...x] as Qa);
  for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
    const i = Math.floor(random() * out.length);
    const j = Math.floor(random() * out.length);
    const op = Math.floor(random() * 6);
    if (op === 0) out.splice(i, 0, newQa());
    else if (op === 1 && out.length > 1) out.splice(i, 1);
    else if (op === 2) out[i]![1] = editWord(out[i]![1]);
    else if (op === 3) out[i]![0] = editWord(out[i]![0]);
    else if (op === 4) out.splice(j, 0, [...out[i]!] as Qa);
    else if (op === 5) [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A ledger as version 1 wrote it: sketches hashed with sha256, every record marked so (as readLedger does). */
function asVersion1(transcripts: Transcript[]): Ledger {
  const ledger = reconcile(emptyLedger(), transcripts, (t) => t.sections.map((s) => ({ ...sectionText(s), ...legacySketches(s) }))).ledger;
  return { ...ledger, transcripts: ledger.transcripts.map((e) => ({ ...e, ids: e.ids.map((r) => ({ ...r, sketch: "sha256" as const })) })) };
}

describe("reconcile's shortcuts", () => {
  it("count a pair with the same sketches but another fingerprint among the pairs scoring 1", () => {
    // Two long answers one word apart, whose sketches are the same (the edit is outside their smallest hashes).
    const long = Array.from({ length: 300 }, (_, i) => `word${(i * 7919) % 1000}`);
    const question = "What do you think about the long answer?";
    const sections = (a: string[], b: string[]) => parseTranscript(text([[question, a.join(" ")], [question, b.join(" ")]], TITLES[0] as string));
    let edited: string[] | null = null;
    for (let i = 0; i < long.length && !edited; i++) {
      const candidate = long.map((w, j) => (j === i ? "replaced" : w));
      const [x, y] = sections(long, candidate).sections.map(sectionText);
      if (x!.fingerprint !== y!.fingerprint && x!.answer.join() === y!.answer.join()) edited = candidate;
    }
    expect(edited).not.toBeNull();
    const before = sections(long, edited!);
    const after = sections(edited!, long);
    for (const ledger of [reconcile(emptyLedger(), [before]).ledger, asVersion1([before])]) {
      const fast = reconcile(ledger, [after]);
      const full = reconcile(ledger, [after], undefined, { exhaustive: true });
      expect(fast.transcripts).toEqual(full.transcripts);
      expect(serializeLedger(fast.ledger)).toBe(serializeLedger(full.ledger));
    }
  });

  it("give exactly the ids, links and ledger of scoring every pair, over random corrections", () => {
    for (let run = 0; run < 60; run++) {
      let docs = TITLES.map(() => Array.from({ length: 2 + Math.floor(random() * 6) }, newQa));
      const parse = (): Transcript[] => docs.map((d, i) => parseTranscript(text(d, TITLES[i] as string)));
      let ledger = run % 2 === 0 ? asVersion1(parse()) : emptyLedger();
      for (let round = 0; round < 5; round++) {
        docs = docs.map((d) => (random() < 0.6 ? correct(d) : d));
        const transcripts = parse();
        const fast = reconcile(ledger, transcripts);
        const full = reconcile(ledger, transcripts, undefined, { exhaustive: true });
        expect(fast.transcripts).toEqual(full.transcripts);
        expect(fast.links).toEqual(full.links);
        expect(serializeLedger(fast.ledger)).toBe(serializeLedger(full.ledger));
        ledger = fast.ledger;
      }
    }
  });

  it("reuse a transcript's result (dev's memo), and what they derive from objects seen before, only while those objects are the same", async () => {
    for (let run = 0; run < 30; run++) {
      let docs = TITLES.map(() => Array.from({ length: 2 + Math.floor(random() * 6) }, newQa));
      // Half the runs have source links (claimed by source); retitled transcripts keep their text but not their
      // page URL (claimed by text): every way of finding an entry is exercised, not only the page URL.
      const titles = [...TITLES];
      const sourced = run % 4 < 2;
      const parse = (i: number) => parseTranscript(`${sourced ? `---\nsource:\n  url: https://example.org/doc-${i}\n---\n` : ""}${text(docs[i]!, titles[i]!)}`);
      const transcripts = docs.map((_, i) => parse(i));
      let ledger = run % 2 === 0 ? asVersion1(transcripts) : reconcile(emptyLedger(), transcripts).ledger;
      const memo: ReconcileMemo = new WeakMap();
      let previous: Transcript[] | null = null;
      let reused = 0;
      for (let round = 0; round < 6; round++) {
        // As in dev: an edited file is parsed again (a new object); the others stay the very same objects.
        const edited = new Set<number>();
        docs = docs.map((d, i) => {
          if (round === 0 || random() >= 0.4) return d;
          edited.add(i);
          return correct(d);
        });
        const retitled = new Set<number>();
        docs.forEach((_, i) => {
          if (round === 0 || edited.has(i) || random() >= 0.25) return;
          titles[i] = titles[i]!.replace(/^(\w+)/, `$1 ${pick(VOCAB)}`);
          retitled.add(i);
          edited.add(i);
        });
        for (const i of edited) transcripts[i] = parse(i);
        // A `verbatim build` beside dev wrote a new ledger: nothing may be reused from before it.
        const newLedger = round === 3;
        // Its entries in another order: what was derived from the old list (an entry's position) is no longer true.
        if (newLedger) ledger = ((l) => ({ ...l, transcripts: [...l.transcripts].reverse() }))(reconcile(ledger, transcripts).ledger);
        const withMemo = reconcile(ledger, transcripts, undefined, { memo });
        // From a fresh instance of the module: nothing reconcile kept about objects it saw before (dev's memo,
        // keys and indexes it derived from them) can reach this result.
        vi.resetModules();
        const cold = (await import("../../src/ids/reconcile.js")).reconcile;
        expect(cold).not.toBe(reconcile);
        const fresh = cold(structuredClone(ledger), structuredClone(transcripts));
        expect(withMemo.transcripts).toEqual(fresh.transcripts);
        expect(withMemo.links).toEqual(fresh.links);
        expect(serializeLedger(withMemo.ledger)).toBe(serializeLedger(fresh.ledger));
        if (previous) {
          transcripts.forEach((_, i) => {
            const same = withMemo.transcripts[i] === previous![i];
            if (edited.has(i) || newLedger) expect(same).toBe(false);
            else if (same) reused++;
            // Same text under a new title: the same entry, so the same ids.
            if (retitled.has(i) && !newLedger) expect(withMemo.transcripts[i]!.sections.map((x) => x.id)).toEqual(previous![i]!.sections.map((x) => x.id));
          });
        }
        previous = withMemo.transcripts;
      }
      expect(reused).toBeGreaterThan(0);
    }
  });
});
