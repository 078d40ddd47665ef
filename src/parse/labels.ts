import type { TurnRole } from "../model/transcript.js";
import { hasRoleWord } from "./speakers.js";

export interface Label {
  /** The label as written, including the colon, e.g. "Question (via interpreter):". */
  raw: string;
  /** Name part ("Question", "Sergey Lavrov", "MR KIRBY"). */
  name: string;
  /** Parenthetical note, e.g. "Reuters" or "via interpreter". */
  note: string | null;
  /** What the label itself says about the role; null for a person whose role depends on context. */
  role: TurnRole | null;
  /** Text after the label on the same line. */
  rest: string;
  /**
   * Only a plain Title-Case name ("Foreign Policy:", "Sergey Lavrov:") on its own is weak evidence: a
   * sentence may start that way. The parser accepts a weak label only where other labels show the text
   * is a dialogue, or when the same name labels more than one line.
   */
  weak?: boolean;
  /**
   * "A. Lukashenko:" is a speaker with an initial, or an answer that starts "Lukashenko: ..."; the line alone
   * cannot tell. The label is the speaker's; this is the bare Q/A reading, which the parser takes unless the
   * name stands for a person the text names in full, or (for "A.", not "Q.") labels more than one line.
   */
  alternative?: Label;
}

const TIMESTAMP = String.raw`(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)`;
/** Labels copied from Markdown or rich text: "**Question:**", "__Sergey Lavrov__:". */
const EMPHASIS = String.raw`(?:\*\*|__|\*)?`;
const LABEL_RE = new RegExp(
  String.raw`^(?<raw>${TIMESTAMP}?${EMPHASIS}(?<name>[^:()\[\]\n*_]{1,60}?)${EMPHASIS}\s*(?<notes>(?:\([^)\n]{1,80}\)\s*){0,2})\s*(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?[:：]${EMPHASIS})\s*(?<rest>.*)$`,
  "u",
);
/** "Q" / "A" without a colon but followed by a space and text: "Q Why...?" / "Q. Why...?" */
const BARE_QA_RE = /^(?<raw>(?<name>Q|A)\.?)\s+(?<rest>\S.*)$/u;

const QUESTION_NAMES = /^(?:question|questions|q|questioner|journalist|reporter|correspondent|audience(?: member)?|member of the audience|participant|follow-up(?: question)?|question from the (?:floor|audience)|the press|press|media|student|interviewer|remark|comment|voice|voices|вопрос|вопросы|реплика|журналист|корреспондент|frage|pregunta|pergunta|domanda|(?:journalist|reporter|participant|questioner) \d{1,3})$/iu;
const ANSWER_NAMES = /^(?:a|answer|reply|response)$/iu;
/** Labels that name a speaker by office or function rather than by name. */
export const ROLE_NAMES = /^(?:(?:the\s+)?(?:moderator|chair|chairman|chairperson|chairwoman|host|co-host|presenter|anchor|interpreter|translator|president|vice president|minister|prime minister|foreign minister|deputy minister|spokesman|spokeswoman|spokesperson|secretary|secretary-general|deputy secretary-general|press secretary|ambassador|chancellor|governor|first lady|speaker|narrator|operator)|sg|dsg|voice|unidentified speaker|unknown|unknown speaker|(?:speaker|person) \d{1,3})$/iu;
/** A parenthetical that says how or to whom something was said, not who the speaker works for. */
const NOTE_NOT_AFFILIATION = /(?:interpret|translat|inaudible|laughter|applause|off-?mic|continu|cont'?d|^\d{1,2}:\d{2}|^to\s|addressed to|speaking in|^in\s+\p{L}+$|original|through|via\s|перевод|speaking|spoke|^in\s|off[- ]camera|on[- ]camera|video ?link|remotely|voice-?over|crosstalk|laughs|unintelligible|follow-?up|as delivered|unofficial)/iu;

const PARTICLES = new Set(["de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "la", "le", "van", "von", "ter", "ten", "bin", "ibn", "al", "el", "y", "and", "of"]);
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lu}{1,4}\.?|[\p{L}]+-\p{Lu}[\p{L}'’\-]*)$/u;
/** Words that start sentences and are not names, to refuse "Remember: ..." or "However: ...". */
const NOT_NAMES = new Set(["here", "there", "this", "that", "these", "those", "remember", "note", "however", "example", "first", "second", "third", "finally", "conclusion", "summary", "therefore", "thus", "so", "now", "well", "today", "yes", "no", "but", "and", "or", "also", "it", "we", "i", "you", "they", "he", "she", "our", "my", "one", "two", "in", "on", "at", "for", "the", "a", "an", "as", "if", "when", "what", "why", "how", "who", "where", "which", "dear", "ladies", "colleagues", "friends", "direct link", "update", "warning", "important", "result", "results", "title", "date", "place", "time", "location", "subject", "re", "p.s", "ps"]);

const INTERPRETER_NOTE = /^\((?:(?:via|through|by) (?:an |the )?interpret(?:er|ers|ation)|as interpreted|interpreted|translated|retranslated|in translation)\.?\)\s*/iu;

export type LabelMatch = { ok: true; label: Label } | { ok: false; labelLike: boolean };

/**
 * Reads a speaker label at the start of a line. `known` holds names already seen as speakers so that a
 * surname alone ("Lavrov:") or a single capitalised word can be accepted once it is established.
 */
export function matchLabel(line: string, known: ReadonlySet<string> = new Set()): LabelMatch {
  const text = line.trim();
  // "Q" or "A." alone on its line, the text on the next.
  const alone = text.match(/^(?<name>Q|A)\.?$/u);
  if (alone?.groups?.name) return { ok: true, label: { raw: text, name: alone.groups.name, note: null, role: alone.groups.name === "Q" ? "question" : "answer", rest: "" } };
  const bare = text.match(BARE_QA_RE);
  if (bare?.groups && /^[\p{Lu}"“‘'(\[]/u.test(bare.groups.rest ?? "")) {
    const name = bare.groups.name ?? "";
    const qa: Label = { raw: bare.groups.raw ?? name, name, note: null, role: name === "Q" ? "question" : "answer", rest: bare.groups.rest ?? "" };
    const person = INITIAL_A_OR_Q.test(text) ? matchNamedLabel(text, known) : null;
    // "Q. Mr President:" addresses someone; "A. Minister:" names an office. Neither is a person with an initial.
    if (!person?.ok || person.label.role !== null || hasRoleWord(person.label.name.slice(2))) return { ok: true, label: qa };
    const { weak: _, ...label } = person.label;
    return { ok: true, label: { ...label, alternative: qa } };
  }
  return matchNamedLabel(text, known);
}

/** "A. Lukashenko:", "Q. Wang Yi (China):": an initial, one to three capitalised words, a label's colon. */
const INITIAL_A_OR_Q = /^[AQ]\.\s?\p{Lu}\p{Ll}[\p{L}'’\-]*(?:\s\p{Lu}\p{Ll}[\p{L}'’\-]*){0,2}\s*(?:\([^)\n]{1,80}\)\s*){0,2}:/u;

/** A label with a name or a role before its colon ("Sergey Lavrov:", "Question (Reuters):"). */
function matchNamedLabel(text: string, known: ReadonlySet<string>): LabelMatch {
  const m = text.match(LABEL_RE);
  if (!m?.groups) return { ok: false, labelLike: false };
  const name = (m.groups.name ?? "").trim().replace(/^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+/u, "");
  // "Mr. Nebenzia (Russian Federation) (spoke in Russian):": the affiliation is the note that is one.
  const notes = [...(m.groups.notes ?? "").matchAll(/\(([^)]*)\)/gu)].map((n) => (n[1] ?? "").trim()).filter((n) => n !== "");
  const note = notes.find((n) => isAffiliation(n)) ?? notes[0] ?? null;
  let rest = m.groups.rest ?? "";
  let rawLabel = m.groups.raw ?? "";
  // "QUESTION: (Via interpreter) Mr. Minister, ...": how it was said belongs with who said it.
  const how = rest.match(INTERPRETER_NOTE);
  if (how) {
    rawLabel = `${rawLabel} ${how[0].trim()}`;
    rest = rest.slice(how[0].length);
  }
  const raw = rawLabel;
  const labelLike = (m.groups.raw ?? "").length <= 70 && looksLikeName(name);
  // A URL ("http://...") or a time ("at 10:30") is not a label.
  if (/^\/\//.test(rest) || (/\d$/.test(name) && !QUESTION_NAMES.test(name) && !ROLE_NAMES.test(name))) return { ok: false, labelLike: false };
  if (name === "") return { ok: false, labelLike };
  if (QUESTION_NAMES.test(name)) return { ok: true, label: { raw, name, note, role: "question", rest } };
  if (ANSWER_NAMES.test(name)) return { ok: true, label: { raw, name, note, role: "answer", rest } };
  if (ROLE_NAMES.test(name) || isPersonName(name, known)) {
    const weak = note === null && !ROLE_NAMES.test(name) && !known.has(name.toLowerCase()) && name !== name.toUpperCase() && name.includes(" ");
    return { ok: true, label: { raw, name, note, role: null, rest, ...(weak ? { weak } : {}) } };
  }
  return { ok: false, labelLike };
}

/**
 * For the "label not recognised" warning: a name-shaped label (capitalised words, at most five), not a
 * sentence that happens to contain a colon ("Let me be clear: ...", "Note: ...").
 */
function looksLikeName(name: string): boolean {
  const tokens = name.split(/\s+/u);
  if (tokens.length > 5 || NOT_NAMES.has(name.toLowerCase()) || NOT_NAMES.has((tokens[0] ?? "").toLowerCase())) return false;
  if (WARN_EXEMPT.test(name)) return false;
  return tokens.every((t) => /^\p{Lu}/u.test(t) || (PARTICLES.has(t.toLowerCase()) && t === t.toLowerCase()));
}

const WARN_EXEMPT = /^(?:nb|n\.b\.|p\.?s|update|updated|editor['’]s note|note|notes|source|sources|photo|video|read more|see also|tags?|labels?|keywords?|topics?|subject|attachment|download|link|url|agenda|background|context|summary|content|contents|table of contents|transcript|translation|caption)$/iu;

function isPersonName(name: string, known: ReadonlySet<string>): boolean {
  if (known.has(name.toLowerCase())) return true;
  const tokens = name.split(/\s+/u);
  if (tokens.length > 6) return false;
  if (NOT_NAMES.has(name.toLowerCase()) || NOT_NAMES.has((tokens[0] ?? "").toLowerCase())) return false;
  const allCaps = name === name.toUpperCase() && /\p{Lu}/u.test(name);
  if (tokens.length === 1) {
    // A lone capitalised word is too often a sentence start; accept only ALL CAPS ("KIRBY", "SG") or a
    // surname after initials ("С.В.Лавров", "V.Putin").
    return (allCaps && /^\p{Lu}[\p{Lu}'’.\-]*$/u.test(name)) || /^(?:\p{Lu}\.\s?){1,3}\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(name);
  }
  let capitalised = 0;
  for (const t of tokens) {
    if (PARTICLES.has(t.toLowerCase()) && t === t.toLowerCase()) continue;
    if (!NAME_TOKEN.test(t)) return false;
    capitalised++;
  }
  return capitalised >= 1;
}

export function isAffiliation(note: string | null): boolean {
  return note !== null && !NOTE_NOT_AFFILIATION.test(note);
}
