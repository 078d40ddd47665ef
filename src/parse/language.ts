/**
 * The language of a transcript, from the script its letters are written in. Only what the script decides
 * reliably is claimed; anything else is the default (front-matter `language:` overrides either way).
 */
export function detectLanguage(text: string, fallback = "en"): string {
  const { letters, cyrillic } = countLetters(text);
  if (letters === 0) return fallback;
  if (cyrillic / letters > 0.5) return /[іїєґІЇЄҐ]/u.test(text) ? "uk" : "ru";
  return fallback;
}

const LETTER = /^\p{L}$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;
/** Per non-ASCII code point: 0 not a letter, 1 a letter, 2 a Cyrillic letter, 3 Cyrillic but not a letter. */
const classes = new Map<number, number>();

/**
 * How many code points are letters (\p{L}) and how many are Cyrillic (\p{Script=Cyrillic}), exactly as
 * `text.match(/\p{L}/gu).length` and `text.match(/\p{Script=Cyrillic}/gu).length` count them, without
 * building an array of every letter of a 6,000-word text (which made this the parser's hottest function).
 */
export function countLetters(text: string): { letters: number; cyrillic: number } {
  let letters = 0, cyrillic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
      continue;
    }
    let cp = c;
    // A surrogate pair is one code point; a lone surrogate is neither a letter nor Cyrillic.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    let k = classes.get(cp);
    if (k === undefined) {
      const ch = String.fromCodePoint(cp);
      const letter = LETTER.test(ch), cyr = CYRILLIC.test(ch);
      classes.set(cp, (k = cyr ? (letter ? 2 : 3) : letter ? 1 : 0));
    }
    if (k === 1 || k === 2) letters++;
    if (k >= 2) cyrillic++;
  }
  return { letters, cyrillic };
}
