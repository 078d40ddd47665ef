/**
 * The language of a transcript, from the script its letters are written in. Only what the script decides
 * reliably is claimed; anything else is the default (front-matter `language:` overrides either way).
 */
export function detectLanguage(text: string, fallback = "en"): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return fallback;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (cyrillic / letters > 0.5) return /[іїєґІЇЄҐ]/u.test(text) ? "uk" : "ru";
  return fallback;
}
