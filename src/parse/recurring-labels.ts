import { looksLikeName, NOT_NAMES, WARN_EXEMPT } from "./label-names.js";
import type { SourceLine } from "./lines.js";

const TIME = String.raw`[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?`;
const COLON_SHAPE = new RegExp(String.raw`^(?:${TIME}\s+)?(?:\*\*|__)?(?<name>[^:()\[\]\n*_]{1,40}?)(?:\*\*|__)?\s*(?:\([^)\n]{1,80}\)\s*){0,2}(?:${TIME}\s*)?[:：]`, "u");
const TIMED_SHAPE = /^(?<name>\p{Lu}[^:\d()\[\]]{0,40}?)\s+\d{1,2}:\d{2}(?::\d{2})?$/u;

/** The name a line would be labelled with, if it is shaped like a label at all. */
function candidate(text: string): string | null {
  const name = (text.match(COLON_SHAPE)?.groups?.name ?? text.match(TIMED_SHAPE)?.groups?.name)?.trim();
  if (!name || name.split(/\s+/).length > 4 || NOT_NAMES.has(name.toLowerCase()) || WARN_EXEMPT.test(name)) return null;
  return looksLikeName(name) ? name : null;
}

/**
 * A label is a short prefix that recurs at the start of lines and alternates with others: "Guest:",
 * "Müller:", "Linda Park  0:09" are speakers because the text keeps coming back to them, whatever the words.
 * Returns the lower-cased names of prefixes that recur, when at least two of them do.
 */
export function recurringLabels(body: SourceLine[]): string[] {
  const counts = new Map<string, number>();
  for (const l of body) {
    const name = candidate(l.text.trim());
    if (name) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
  }
  const recurring = [...counts].filter(([, n]) => n >= 2).map(([name]) => name);
  return recurring.length >= 2 ? recurring : [];
}
