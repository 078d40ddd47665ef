import type { TurnRole } from "../model/transcript.js";

/**
 * What the name part of a label says: a generic questioner or answerer, an office or function, an outlet
 * asking, or a person. Shared by the label rules (src/parse/rules/labels/).
 */

export const QUESTION_NAMES = /^(?:question|questions|q|questioner|journalist|reporter|correspondent|audience(?: member)?|member of the audience|participant|follow-up(?: question)?|question from the (?:floor|audience)|the press|press|media|student|interviewer|caller|remark|comment|voice|voices|вопрос|вопросы|реплика|журналист|корреспондент|frage|pregunta|pergunta|domanda|(?:journalist|reporter|participant|questioner|question) \d{1,3})$/iu;
export const ANSWER_NAMES = /^(?:a|answer|reply|response|interviewee|respondent|ответ)$/iu;
/** Labels that name a speaker by office or function rather than by name. */
export const ROLE_NAMES = /^(?:(?:the\s+)?(?:moderator|chair|chairman|chairperson|chairwoman|host|co-host|presenter|anchor|interpreter|translator|president|vice president|minister|prime minister|pm|foreign minister|deputy minister|spokesman|spokeswoman|spokesperson|secretary|secretary-general|deputy secretary-general|press secretary|ambassador|chancellor|governor|mayor|first lady|speaker|narrator|operator|guest|witness|counsel|court|judge|justice|commissioner|clerk|panelist|panellist|senior administration official|senior official|official|senior state department official)|sg|dsg|voice|unidentified speaker|unidentified (?:male|female)|unknown|unknown speaker|(?:speaker|person|guest|panelist) \d{1,3})$/iu;

/** News agencies and broadcasters that ask as themselves ("Reuters:", "Kyodo News:", "TASS:"). */
const OUTLETS = /^(?:reuters|ap|afp|tass|itar-tass|ria novosti|ria|interfax|xinhua|kyodo|jiji|nhk|asahi|yomiuri|nikkei|mainichi|bloomberg|cnn|bbc|cbs|nbc|abc|fox|npr|pbs|cctv|cgtn|rt|sputnik|efe|ansa|dpa|yonhap|anadolu|bernama|antara|pti|ani|al jazeera|al arabiya|euronews|politico|axios|spiegel|der spiegel|le monde|le figaro|die zeit|the economist|associated press|agence france-presse|phoenix tv|china daily|global times|tv asahi|tbs|fuji tv)$/iu;
/** A publication's or broadcaster's name: "The Times", "Kyodo News", "Beijing Youth Daily", "Channel One". */
const OUTLET_WORDS = /\b(?:news|times|post|journal|agency|tv|television|radio|channel|gazette|herald|telegraph|tribune|daily|weekly|magazine|zeitung|broadcasting|broadcaster|network|wire|newspaper|press agency|media group|izvestia|kommersant|guardian|observer|independent|chronicle|standard|mirror|express|courier|mail)\b/iu;

export function isOutlet(name: string): boolean {
  const n = name.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, "").trim();
  if (OUTLETS.test(n)) return true;
  if (ROLE_NAMES.test(n) || n.split(/\s+/).length > 5) return false;
  return OUTLET_WORDS.test(n) && /^\p{Lu}/u.test(n);
}

const PARTICLES = new Set(["de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "la", "le", "van", "von", "ter", "ten", "bin", "ibn", "al", "el", "y", "and", "of"]);
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lu}{1,4}\.?|[\p{L}]+-\p{Lu}[\p{L}'’\-]*|(?:\p{Lu}\p{Ll}?\.){1,3}\p{Lu}\p{Ll}+)$/u;
/** Words that start sentences and are not names, to refuse "Remember: ..." or "However: ...". */
export const NOT_NAMES = new Set(["here", "there", "this", "that", "these", "those", "remember", "note", "however", "example", "first", "second", "third", "finally", "conclusion", "summary", "therefore", "thus", "so", "now", "well", "today", "yes", "no", "but", "and", "or", "also", "it", "we", "i", "you", "they", "he", "she", "our", "my", "one", "two", "in", "on", "at", "for", "the", "a", "an", "as", "if", "when", "what", "why", "how", "who", "where", "which", "dear", "ladies", "colleagues", "friends", "direct link", "update", "warning", "important", "result", "results", "title", "date", "place", "time", "location", "subject", "re", "p.s", "ps", "topic", "topics", "issue", "issues", "step", "part", "chapter", "section", "source", "sources", "posted", "published", "updated", "filed", "tags", "via", "from", "to", "by", "with", "broadcast", "recorded", "aired", "transcript", "watch", "listen", "read", "see", "photo", "video", "editor's note", "editor’s note", "disclaimer", "correction", "please note", "bottom line", "the bottom line", "key points", "highlights", "agenda", "venue", "duration", "length", "participants", "guests", "speakers", "host", "hosts"]);
/** Words that a label warning ignores: a heading-like prefix ("Note:", "Source:") is no speaker. */
export const WARN_EXEMPT = /^(?:nb|n\.b\.|p\.?s|update|updated|editor['’]s note|note|notes|source|sources|photo|video|read more|see also|tags?|labels?|keywords?|topics?|subject|attachment|download|link|url|agenda|background|context|summary|content|contents|table of contents|transcript|translation|caption)$/iu;

export function isParticle(t: string): boolean {
  return PARTICLES.has(t.toLowerCase()) && t === t.toLowerCase();
}

/** Capitalised words, at most five, not a sentence that happens to contain a colon ("Let me be clear: ..."). */
export function looksLikeName(name: string): boolean {
  const tokens = name.split(/\s+/u);
  if (tokens.length > 5 || NOT_NAMES.has(name.toLowerCase()) || NOT_NAMES.has((tokens[0] ?? "").toLowerCase())) return false;
  if (WARN_EXEMPT.test(name)) return false;
  return tokens.every((t) => /^\p{Lu}/u.test(t) || isParticle(t));
}

export function isPersonName(name: string, known: ReadonlySet<string>): boolean {
  if (known.has(name.toLowerCase())) return true;
  const tokens = name.split(/\s+/u);
  if (tokens.length > 6) return false;
  if (NOT_NAMES.has(name.toLowerCase()) || NOT_NAMES.has((tokens[0] ?? "").toLowerCase())) return false;
  const allCaps = name === name.toUpperCase() && /\p{Lu}/u.test(name);
  if (tokens.length === 1) {
    // A lone capitalised word is too often a sentence start; accept only ALL CAPS ("KIRBY", "SG") or a
    // surname after initials ("С.В.Лавров", "V.Putin", "Дж.Смит").
    return (allCaps && /^\p{Lu}[\p{Lu}'’.\-]*$/u.test(name)) || /^(?:\p{Lu}\p{Ll}?\.\s?){1,3}\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(name);
  }
  let capitalised = 0;
  for (const t of tokens) {
    if (isParticle(t)) continue;
    if (!NAME_TOKEN.test(t)) return false;
    capitalised++;
  }
  return capitalised >= 1;
}

/** A parenthetical that says how or to whom something was said, not who the speaker works for. */
const NOTE_NOT_AFFILIATION = /(?:interpret|translat|inaudible|laughter|applause|off-?mic|continu|cont'?d|^\d{1,2}:\d{2}|^to\s|addressed to|speaking in|^in\s+\p{L}+$|original|through|via\s|перевод|speaking|spoke|^in\s|off[- ]camera|on[- ]camera|video ?link|remotely|voice-?over|crosstalk|laughs|unintelligible|follow-?up|as delivered|unofficial)/iu;

export function isAffiliation(note: string | null): boolean {
  return note !== null && !NOTE_NOT_AFFILIATION.test(note);
}

/** What a name says of the turn's role, when it says anything: "Question" asks, "Answer" answers. */
export function roleOfName(name: string): TurnRole | null {
  if (QUESTION_NAMES.test(name)) return "question";
  if (ANSWER_NAMES.test(name)) return "answer";
  return null;
}
