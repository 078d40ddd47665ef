import { createHash } from "node:crypto";
import type { Section } from "../model/transcript.js";

/**
 * What the ledger remembers of a section's text: an exact fingerprint (to recognise an unchanged section
 * wherever it moved) and two small similarity sketches, one of the question and one of the answer (or of
 * the remarks), to recognise a section whose wording was corrected.
 */
export interface SectionText {
  kind: Section["kind"];
  /** sha256 of the section's text (words joined by single spaces), first 16 hex digits. */
  fingerprint: string;
  /** Similarity sketches (see `sketch`): sorted 8-hex-digit hashes. */
  question: string[];
  answer: string[];
  /** Paragraph counts per id letter: q (question), a (answer), p (remarks). */
  paragraphs: { q: number; a: number; p: number };
}

/** How many of the smallest shingle hashes a sketch keeps (bottom-k MinHash). Short texts keep all of theirs. */
export const SKETCH_SIZE = 64;

export function words(text: string): string[] {
  // Fast path, same result: in ASCII plus the typographic quotes and dashes (which NFKC leaves as they are and
  // which are no letters), NFKC changes nothing and letters and digits are [A-Za-z0-9]. Most English
  // transcripts are such text, and the Unicode path was half the cost of a section's texts.
  if (PLAIN.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
const PLAIN = /^[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014]*$/;

/**
 * Shingles are the words and the pairs of adjacent words, so both vocabulary and word order count. A word is
 * hashed with FNV-1a over its UTF-16 code units, finished with murmur3's avalanche step; a pair's hash is
 * mixed from its two word hashes (in order), never built as a string. Plain 32-bit integer arithmetic: cheap
 * enough to run on every section of every build.
 */
export function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One murmur3 block step: folds the 32-bit value k into the running hash h. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The hash of the word pair (a, b) from the hashes of a and b: murmur3 of the two 32-bit values (order counts). */
export function pairHash(a: number, b: number): number {
  return fmix32(mix(mix(0x9747b28c, a), b) ^ 8);
}

const hex8 = (h: number): string => h.toString(16).padStart(8, "0");

/** The SKETCH_SIZE smallest 32-bit hashes of the text's shingles, sorted: a fixed-size stand-in for the set. */
export function sketch(text: string): string[] {
  return sketchWords(words(text));
}

function sketchWords(ws: readonly string[]): string[] {
  if (ws.length === 0) return [];
  const hashes = new Uint32Array(2 * ws.length - 1);
  let prev = wordHash(ws[0] as string);
  hashes[0] = prev;
  for (let i = 1; i < ws.length; i++) {
    const h = wordHash(ws[i] as string);
    hashes[2 * i - 1] = h;
    hashes[2 * i] = pairHash(prev, h);
    prev = h;
  }
  hashes.sort();
  const out: string[] = [];
  for (let i = 0; i < hashes.length && out.length < SKETCH_SIZE; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) out.push(hex8(hashes[i] as number));
  return out;
}

/**
 * The sketch as ledger version 1 made it: sha256 of each shingle (words, and pairs joined by a space), first
 * 8 hex digits. Records written with it are marked `sketch: "sha256"` in the ledger; a section is sketched
 * this way only to be compared with such a record (see legacySketches), so those comparisons stay exact.
 */
export function legacySketch(text: string): string[] {
  const ws = words(text);
  const shingles = new Set<string>(ws);
  for (let i = 1; i < ws.length; i++) shingles.add(`${ws[i - 1]} ${ws[i]}`);
  const hash8 = (s: string): string => createHash("sha256").update(s).digest("hex").slice(0, 8);
  return [...new Set([...shingles].map(hash8))].sort().slice(0, SKETCH_SIZE);
}

/**
 * Estimated Jaccard similarity of two texts from their sketches: among the k smallest hashes of the union,
 * the share present in both. Exact when both texts have fewer than SKETCH_SIZE shingles.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Both sketches are sorted: merge them, stopping after SKETCH_SIZE distinct hashes.
  let i = 0, j = 0, seen = 0, both = 0;
  while (seen < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const x = a[i], y = b[j];
    if (x !== undefined && y !== undefined && x === y) { both++; i++; j++; }
    else if (y === undefined || (x !== undefined && x < y)) i++;
    else j++;
    seen++;
  }
  return both / seen;
}

const paragraphText = (turns: { paragraphs: { text: string }[] }[]): string => turns.flatMap((t) => t.paragraphs.map((p) => p.text)).join("\n");

/** The text a section's question and answer sketches are made of (remarks: `answer` only). */
function parts(s: Section): { question: string; answer: string } {
  return { question: s.kind === "qa" ? paragraphText(s.question) : "", answer: s.kind === "qa" ? paragraphText(s.answer) : paragraphText(s.turns) };
}

/**
 * What `sectionText` gives, from a section's kind and paragraph texts only (never its ids or line numbers): it
 * can be computed right after parsing, on the parse worker, and holds after the ledger renames the section.
 */
export function sectionText(s: Section): SectionText {
  const { question, answer } = parts(s);
  const qw = words(question), aw = words(answer);
  const count = (turns: { paragraphs: unknown[] }[]): number => turns.reduce((n, t) => n + t.paragraphs.length, 0);
  return {
    kind: s.kind,
    fingerprint: createHash("sha256").update(`${s.kind}\n${qw.join(" ")}\n${aw.join(" ")}`).digest("hex").slice(0, 16),
    question: sketchWords(qw),
    answer: sketchWords(aw),
    paragraphs: s.kind === "qa" ? { q: count(s.question), a: count(s.answer), p: 0 } : { q: 0, a: 0, p: count(s.turns) },
  };
}

/**
 * How alike two sections are, 0..1: the mean of question and answer similarity (parts empty on both sides
 * are left out). Sections of different kinds never match; an identical fingerprint is 1.
 */
export function sectionScore(a: Pick<SectionText, "kind" | "fingerprint" | "question" | "answer">, b: Pick<SectionText, "kind" | "fingerprint" | "question" | "answer">): number {
  if (a.kind !== b.kind) return 0;
  if (a.fingerprint === b.fingerprint) return 1;
  const parts: number[] = [];
  if (a.question.length || b.question.length) parts.push(similarity(a.question, b.question));
  if (a.answer.length || b.answer.length) parts.push(similarity(a.answer, b.answer));
  return parts.length ? parts.reduce((x, y) => x + y, 0) / parts.length : 0;
}

/** A section's question and answer sketches the version-1 way, for comparing it with a record marked `sha256`. */
export function legacySketches(s: Section): Pick<SectionText, "question" | "answer"> {
  const { question, answer } = parts(s);
  return { question: legacySketch(question), answer: legacySketch(answer) };
}
