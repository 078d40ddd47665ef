export interface SourceLine {
  /** 1-based line number in the original file. */
  line: number;
  text: string;
}

/** Splits already-normalised text (LF only) into numbered lines, right-trimmed, starting at `firstLine`. */
export function toLines(text: string, firstLine = 1): SourceLine[] {
  // trimEnd strips exactly the characters \s matches, without the regex backtracking on every space of a line.
  return text.split("\n").map((t, i) => ({ line: firstLine + i, text: t.trimEnd() }));
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * Number of runs of letters and digits: exactly `text.match(/[\p{L}\p{N}]+/gu).length`, without building the
 * array of every word (the parser counts every word of every transcript; this was its hottest line).
 */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let w: boolean;
    if (c < 0x80) w = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      w = next >= 0xdc00 && next <= 0xdfff ? LETTER_OR_NUMBER.test(text.slice(i, i + 2)) : false;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    } else w = LETTER_OR_NUMBER.test(text[i]!);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** Ends like a sentence: terminal punctuation, optionally followed by closing quotes or brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;]["'”’»)\]]*$/u.test(text.trim());
}
