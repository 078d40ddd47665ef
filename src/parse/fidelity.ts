import type { Transcript } from "../model/transcript.js";

/**
 * Word accounting for Principle 1 (never lose a word). The source's tokens, in order, must equal the tokens
 * of everything the Transcript keeps (header lines, speaker labels, section paragraphs, removed lines with
 * any front-matter block), merged in source order by line number.
 *
 * A token is a run of letters, marks and digits, or any single other visible character, so a dropped dash
 * or quote counts as much as a dropped word; only whitespace (how lines were joined or trimmed) is free.
 */

export interface KeptPiece {
  line: number;
  /** Within one line: a label (0) comes before the text that follows it (1). */
  order: number;
  text: string;
}

export interface FidelityResult {
  ok: boolean;
  sourceTokens: number;
  keptTokens: number;
  /** First position where the two token streams differ, with the line of the kept piece when known. */
  firstDifference: { index: number; source: string | null; kept: string | null; line: number | null } | null;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Every piece of text the Transcript keeps, with the source line it came from. */
export function keptPieces(t: Transcript): KeptPiece[] {
  const pieces: KeptPiece[] = [];
  for (const h of t.header) pieces.push({ line: h.line, order: 1, text: h.text });
  for (const r of t.removed) pieces.push({ line: r.line, order: 1, text: r.text });
  for (const s of t.sections) {
    const turns = s.kind === "qa" ? [...s.question, ...s.answer] : s.turns;
    for (const turn of turns) {
      if (turn.label !== null) pieces.push({ line: turn.line, order: 0, text: turn.label });
      for (const p of turn.paragraphs) pieces.push({ line: p.line, order: 1, text: p.text });
    }
  }
  // Stable sort: pieces on the same line and of the same order keep the order the model holds them in.
  return pieces.map((p, i) => ({ p, i })).sort((a, b) => a.p.line - b.p.line || a.p.order - b.p.order || a.i - b.i).map(({ p }) => p);
}

/** Compares the source text given to the parser with what the parsed Transcript keeps. */
export function checkFidelity(source: string, t: Transcript): FidelityResult {
  const want = tokens(source);
  const kept: { token: string; line: number }[] = [];
  for (const piece of keptPieces(t)) for (const token of tokens(piece.text)) kept.push({ token, line: piece.line });
  const n = Math.max(want.length, kept.length);
  for (let i = 0; i < n; i++) {
    if (want[i] !== kept[i]?.token) {
      return {
        ok: false,
        sourceTokens: want.length,
        keptTokens: kept.length,
        firstDifference: { index: i, source: want[i] ?? null, kept: kept[i]?.token ?? null, line: kept[i]?.line ?? null },
      };
    }
  }
  return { ok: true, sourceTokens: want.length, keptTokens: kept.length, firstDifference: null };
}

/** One line for a report: where the kept text first departs from the source. */
export function describeFidelity(r: FidelityResult): string {
  if (r.ok) return `all ${r.sourceTokens} tokens kept`;
  const d = r.firstDifference;
  return `token ${d?.index}: source has ${JSON.stringify(d?.source)}, transcript keeps ${JSON.stringify(d?.kept)}${d?.line ? ` (line ${d.line})` : ""}; ${r.sourceTokens} source tokens, ${r.keptTokens} kept`;
}
