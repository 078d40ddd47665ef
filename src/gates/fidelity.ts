import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readTranscript } from "../ingest/read-transcript.js";
import type { GateResult } from "./gate.js";

/** The words of a text: runs of letters and digits, as the build counts them. */
export function words(text: string): string[] {
  return text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Visible text of a built page: tags dropped, entities decoded. Transcript text is always escaped, so `<` starts a tag. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
      const k = e.toLowerCase();
      if (k.startsWith("#x")) return String.fromCodePoint(parseInt(k.slice(2), 16));
      if (k.startsWith("#")) return String.fromCodePoint(parseInt(k.slice(1), 10));
      return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " } as Record<string, string>)[k] ?? "";
    });
}

/**
 * Every word of the source is in the page or in the removed lines, as many times as the source has it
 * (a multiset check: a word said twice must be shown twice). Returns the words that are missing.
 */
export function missingWords(source: string, page: string, removed: string[]): { words: number; missing: Map<string, number> } {
  const have = new Map<string, number>();
  for (const w of [...words(page), ...removed.flatMap(words)]) have.set(w, (have.get(w) ?? 0) + 1);
  const need = new Map<string, number>();
  const all = words(source);
  for (const w of all) need.set(w, (need.get(w) ?? 0) + 1);
  const missing = new Map<string, number>();
  for (const [w, n] of need) {
    const short = n - (have.get(w) ?? 0);
    if (short > 0) missing.set(w, short);
  }
  return { words: all.length, missing };
}

export interface PublishedTranscript {
  file: string;
  url: string;
  removed: { text: string }[];
}

/** Word fidelity for every published transcript of a build (its report's list), against the built HTML. */
export async function checkFidelity(inputDir: string, siteDir: string, transcripts: PublishedTranscript[]): Promise<GateResult> {
  let count = 0;
  const failures: string[] = [];
  for (const t of transcripts) {
    const read = await readTranscript(join(inputDir, t.file));
    if (!read.ok) {
      failures.push(`${t.file}: published, but cannot be read again (${read.reason})`);
      continue;
    }
    const html = await readFile(join(siteDir, decodeURI(t.url), "index.html"), "utf8");
    const r = missingWords(read.text, pageText(html), t.removed.map((l) => l.text));
    count += r.words;
    if (r.missing.size) {
      const sample = [...r.missing].slice(0, 10).map(([w, n]) => (n > 1 ? `${w} ×${n}` : w)).join(", ");
      failures.push(`${t.file}: ${[...r.missing.values()].reduce((a, b) => a + b, 0)} word(s) missing from ${t.url}: ${sample}`);
    }
  }
  return { gate: "fidelity", unit: "words verified", count, failures };
}
