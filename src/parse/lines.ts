export interface SourceLine {
  /** 1-based line number in the original file. */
  line: number;
  text: string;
}

/** Splits already-normalised text (LF only) into numbered lines, right-trimmed, starting at `firstLine`. */
export function toLines(text: string, firstLine = 1): SourceLine[] {
  return text.split("\n").map((t, i) => ({ line: firstLine + i, text: t.replace(/\s+$/u, "") }));
}

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** Ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;]["'”’»)\]]*$/u.test(text.trim());
}
