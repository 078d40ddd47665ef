import { createHash } from "node:crypto";

export interface DuplicateFinding {
  file: string;
  /** The earlier file (in sorted order) it duplicates. */
  of: string;
  kind: "identical" | "near-identical";
  /** Share of passages in common (1 for identical text). */
  similarity: number;
}

/** Words only, lower-cased: two copies of a transcript that differ in line endings, spacing or punctuation are the same text. */
export function normalisedWords(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const SHINGLE = 5;
/** Keep about one shingle in four: enough to estimate overlap, a quarter of the memory. */
const SAMPLE_MOD = 4;

/**
 * Finds transcripts that are the same text (after normalising) or nearly the same (at least `threshold` of
 * their sampled 5-word passages shared, measured as Jaccard similarity). An inverted index over sampled
 * shingles keeps this near-linear in the archive size instead of comparing every pair.
 */
export function findDuplicates(docs: { file: string; text: string }[], threshold = 0.8): DuplicateFinding[] {
  const findings: DuplicateFinding[] = [];
  const byHash = new Map<string, string>();
  const shingles: Set<number>[] = [];
  const postings = new Map<number, number[]>();
  docs.forEach((d, i) => {
    const words = normalisedWords(d.text);
    const hash = createHash("sha256").update(words.join(" ")).digest("hex");
    const same = byHash.get(hash);
    if (same !== undefined && words.length > 0) {
      findings.push({ file: d.file, of: same, kind: "identical", similarity: 1 });
      shingles.push(new Set());
      return;
    }
    byHash.set(hash, d.file);
    const set = new Set<number>();
    for (let k = 0; k + SHINGLE <= words.length; k++) {
      const h = fnv1a(words.slice(k, k + SHINGLE).join(" "));
      if (h % SAMPLE_MOD === 0) set.add(h);
    }
    shingles.push(set);
    const shared = new Map<number, number>();
    for (const h of set) {
      const list = postings.get(h);
      if (list) for (const j of list) shared.set(j, (shared.get(j) ?? 0) + 1);
      else postings.set(h, []);
      postings.get(h)?.push(i);
    }
    let best: { j: number; sim: number } | null = null;
    for (const [j, common] of shared) {
      const other = shingles[j]?.size ?? 0;
      const sim = common / (set.size + other - common);
      if (sim >= threshold && (!best || sim > best.sim)) best = { j, sim };
    }
    if (best) findings.push({ file: d.file, of: docs[best.j]?.file ?? "", kind: "near-identical", similarity: best.sim });
  });
  return findings;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
