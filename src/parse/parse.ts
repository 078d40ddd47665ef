import type { Diagnostic, HeaderLine, RemovedLine, Section, Transcript, Turn, TurnRole } from "../model/transcript.js";
import { TranscriptSchema } from "../model/transcript.js";
import { DEFAULT_BOILERPLATE_RULES, SOURCE_LINE, type BoilerplateRule } from "./boilerplate-rules.js";
import { splitFrontMatter } from "./front-matter.js";
import { readHeader } from "./header.js";
import { detectLanguage } from "./language.js";
import { assignIds, slugify } from "./ids.js";
import { isAffiliation, matchLabel, type Label } from "./labels.js";
import { endsLikeSentence, toLines, wordCount, type SourceLine } from "./lines.js";
import { isRoleOnly, SpeakerNames, type AliasMap } from "./speakers.js";
import { recurringLabels } from "./recurring-labels.js";
import { dateOnly, eventDateLine, publishedLine, timeOnly, trailingPlaceDate, findDates } from "./dates.js";

export interface ParseOptions {
  rules?: BoilerplateRule[];
  aliases?: AliasMap;
  /** A turn longer than this many words gets a warning: often two turns whose label was not recognised. */
  longTurnWords?: number;
}

const DEFAULT_LONG_TURN_WORDS = 10000;
/** How many words a slug of a transcript title keeps. */
const TITLE_SLUG_WORDS = 12;
const SLUG_STOPWORDS = new Set(["a", "an", "the", "and", "of", "to", "at", "in", "on", "with", "during", "for", "by", "s"]);

/**
 * Text -> Transcript. Pure: no I/O, deterministic, and it never throws: whatever the input, the result is
 * a valid Transcript whose warnings say what was odd and what was done about it.
 */
export function parseTranscript(text: string, options: ParseOptions = {}): Transcript {
  try {
    return TranscriptSchema.parse(parseText(text, options));
  } catch (err) {
    return plainParagraphs(text, err);
  }
}

function parseText(text: string, options: ParseOptions): Transcript {
  const fm = splitFrontMatter(text.replace(/\r\n?/g, "\n"));
  const ov = fm.overrides;
  const rules = options.rules ?? DEFAULT_BOILERPLATE_RULES;
  const names = new SpeakerNames({ ...(options.aliases ?? {}), ...(ov.aliases ?? {}) });
  const warnings: Diagnostic[] = [...fm.diagnostics];
  const removed: RemovedLine[] = [];
  const lines = toLines(fm.body, fm.lineOffset + 1);
  // One push per line: spread into push, a block of some 130,000 lines overflowed the call stack.
  if (fm.raw) for (const l of toLines(fm.raw.replace(/\n$/, ""))) removed.push({ ...l, rule: "front-matter" });

  const ruleFor = (t: string, edge: boolean) => rules.find((r) => (edge || r.where === "anywhere") && r.pattern.test(t.trim()))?.name;
  const footerStart = findFooterStart(lines, ruleFor);
  names.establish(recurringLabels(lines.slice(0, footerStart)));
  const bodyStart = findBodyStart(lines, footerStart, names.knownForms(), ruleFor);

  const header = readHeader(lines.slice(0, bodyStart).filter((l) => SOURCE_LINE.test(l.text.trim()) || !markRemoved(l, ruleFor(l.text, true), removed)));
  removed.push(...header.removed);
  names.setContext([...(ov.title ? [ov.title] : []), ...header.header.filter((h) => h.role !== "source").map((h) => h.text)]);
  const footer: HeaderLine[] = [];
  let url = header.url;
  for (const l of lines.slice(footerStart)) {
    if (l.text.trim() === "") continue;
    const source = l.text.trim().match(SOURCE_LINE);
    if (source?.groups?.url) {
      url ??= source.groups.url;
      footer.push({ line: l.line, text: l.text.trim(), role: "source" });
    } else {
      removed.push({ line: l.line, text: l.text.trim(), rule: ruleFor(l.text, true) ?? "footer-furniture" });
    }
  }

  const body = lines.slice(bodyStart, footerStart);
  const wrapped = isHardWrapped(body);
  // A wrapped line continues the paragraph only when the line before it was full: a short line ended
  // a paragraph ("Excellencies,") even in hard-wrapped text.
  const fullWidth = 0.7 * wrapWidth(body);
  let previousLength = 0;
  const dialogue = dialogueEvidence(body, names.knownForms());
  const turns: Turn[] = [];
  let current: Turn | null = null;
  let paragraphOpen = false;
  const labelOf = new Map<Turn, Label>();
  for (const l of body) {
    const t = l.text.trim();
    const lineLength = previousLength;
    previousLength = l.text.length;
    if (t === "") { paragraphOpen = false; continue; }
    if (markRemoved(l, ruleFor(t, false), removed)) { paragraphOpen = false; continue; }
    let m = matchLabel(t, names.knownForms());
    // "A. Lukashenko:" is a speaker if the text names him in full, or if that label is on more than one line;
    // else an answer. "Q. Reuters:" on every question is a questioner's outlet, so "Q." needs the full name.
    if (m.ok && m.label.alternative) {
      const { name, alternative } = m.label;
      const person = names.identifies(name) || (alternative.role === "answer" && (dialogue.names.get(name) ?? 0) >= 2);
      if (!person) m = { ok: true, label: alternative };
    }
    // A plain "Name Surname:" opening the text, or among other labels, is a speaker; alone mid-text it may be
    // a sentence ("Foreign Policy: ...").
    if (m.ok && m.label.weak && current !== null && !dialogue.strong && dialogue.names.size < 2 && (dialogue.names.get(m.label.name) ?? 0) < 2) {
      warnings.push({ line: l.line, code: "label-not-recognised", severity: "warning", message: `"${m.label.raw}" could be a speaker label, but no other line of the text is labelled; kept as text of the current turn` });
    } else if (m.ok) {
      const label = m.label;
      const speaker = label.role !== null ? null : names.resolve(label.name);
      current = {
        role: label.role ?? "answer",
        label: label.raw.trim(),
        speaker,
        affiliation: isAffiliation(label.note) ? label.note : null,
        line: l.line,
        paragraphs: label.rest.trim() === "" ? [] : [{ id: "p", text: label.rest.trim(), line: l.line }],
      };
      labelOf.set(current, label);
      turns.push(current);
      paragraphOpen = label.rest.trim() !== "";
      continue;
    }
    if (!m.ok && m.labelLike && /^\S[^:]{0,40}:\s/.test(t)) {
      warnings.push({ line: l.line, code: "label-not-recognised", severity: "warning", message: `"${t.slice(0, t.indexOf(":") + 1)}" looks like a speaker label but was not recognised; kept as text of the current turn` });
    }
    if (!current) {
      current = { role: "remarks", label: null, speaker: null, affiliation: null, line: l.line, paragraphs: [] };
      turns.push(current);
    }
    const last = current.paragraphs[current.paragraphs.length - 1];
    if (wrapped && paragraphOpen && last && lineLength >= fullWidth) last.text = `${last.text} ${t}`;
    else current.paragraphs.push({ id: "p", text: t, line: l.line });
    paragraphOpen = true;
  }

  const title = ov.title ?? header.title ?? firstWords(turns) ?? "Untitled transcript";
  if (!ov.title && !header.title) warnings.push({ line: 1, code: "no-title", severity: "warning", message: `no title line found; used "${title}"` });
  const principal = decideRoles(turns, labelOf, title, header.header.filter((h) => h.role === "subtitle" || h.role === "other").map((h) => h.text), names);
  const sections = assignIds(toSections(turns));

  const speakers: string[] = [];
  for (const t of turns) if (t.speaker && !speakers.includes(t.speaker) && !isRoleOnly(t.speaker)) speakers.push(t.speaker);
  // A line next to the date that turns out to be a speaker's name ("Sergey Lavrov" above "7 February 2018")
  // was not the place after all.
  let place = header.place;
  const placeLine = header.header.find((h) => h.role === "place");
  if (placeLine && names.knownForms().has(placeLine.text.toLowerCase())) {
    place = null;
    placeLine.role = "other";
  }
  const date = ov.date ?? header.date;
  if (!date) warnings.push({ line: bodyStart > 0 ? 1 : 0, code: "no-date", severity: "warning", message: "no date of the event found in the header or title; published without a date" });
  const longTurnWords = options.longTurnWords ?? DEFAULT_LONG_TURN_WORDS;
  for (const t of turns) {
    const words = t.paragraphs.reduce((n, p) => n + wordCount(p.text), 0);
    if (words > longTurnWords) warnings.push({ line: t.line, code: "long-turn", severity: "warning", message: `turn of ${words} words (over ${longTurnWords}); a speaker label may have been missed` });
  }
  if (sections.length === 0) warnings.push({ line: 0, code: "no-text", severity: "warning", message: "no paragraphs found after the header" });

  const src: { url?: string; publisher?: string; published?: string } = ov.source ?? {};
  const published = ov.published ?? src.published ?? header.published;
  const publisher = ov.publisher ?? src.publisher ?? header.publisher;
  const sourceUrl = src.url ?? url;
  return {
    title,
    subtitle: ov.subtitle ?? header.subtitle,
    date,
    place: ov.place ?? place,
    language: ov.language ?? detectLanguage(fm.body),
    speakers: ov.speakers ?? speakers,
    source: {
      ...(sourceUrl ? { url: sourceUrl } : {}),
      ...(publisher ? { publisher } : {}),
      ...(published ? { published } : {}),
    },
    tags: ov.tags ?? [],
    slug: ov.slug ?? titleSlug(title) ?? "transcript",
    header: [...header.header, ...footer].sort((a, b) => a.line - b.line),
    sections,
    removed: removed.sort((a, b) => a.line - b.line),
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

/** Whether the body has labels that cannot be a sentence's start, and how often each plain name labels a line. */
function dialogueEvidence(body: SourceLine[], known: Set<string>): { strong: boolean; names: Map<string, number> } {
  let strong = false;
  const names = new Map<string, number>();
  for (const l of body) {
    const m = matchLabel(l.text.trim(), known);
    if (!m.ok) continue;
    if (m.label.weak || m.label.alternative) names.set(m.label.name, (names.get(m.label.name) ?? 0) + 1);
    // Either reading of "A. Lukashenko:" is a label.
    if (!m.label.weak) strong = true;
  }
  return { strong, names };
}

function markRemoved(l: SourceLine, rule: string | undefined, removed: RemovedLine[]): boolean {
  if (!rule) return false;
  removed.push({ line: l.line, text: l.text.trim(), rule });
  return true;
}

/** Walks up from the end over furniture, source credits and short non-sentences; keeps them only if real furniture is among them. */
function findFooterStart(lines: SourceLine[], ruleFor: (t: string, edge: boolean) => string | undefined): number {
  let i = lines.length;
  let sawFurniture = false;
  let start = lines.length;
  while (i > 0) {
    const t = (lines[i - 1]?.text ?? "").trim();
    if (t === "") { i--; continue; }
    const furniture = ruleFor(t, true) !== undefined || SOURCE_LINE.test(t);
    // "Thank you" without a full stop is still the speaker's last words, not a blog's name.
    const shortNonSentence = wordCount(t) <= 8 && !endsLikeSentence(t) && !matchLabel(t).ok && !/^(?:thank you|thanks)\b/iu.test(t);
    if (!furniture && !shortNonSentence) break;
    if (furniture) { sawFurniture = true; start = i - 1; }
    i--;
    if (sawFurniture) start = i;
  }
  return sawFurniture ? start : lines.length;
}

/**
 * The first line that reads as spoken text: a label, a salutation ("Dear friends,"), or a sentence of some
 * length. A sentence followed closely by a date line is a lead ("Vladimir Putin and ... made press
 * statements.") that belongs to the header.
 */
function findBodyStart(lines: SourceLine[], end: number, known: Set<string>, ruleFor: (t: string, edge: boolean) => string | undefined): number {
  let seen = 0;
  let sawDate = false;
  for (let i = 0; i < end; i++) {
    const t = (lines[i]?.text ?? "").trim();
    if (t === "" || ruleFor(t, true) !== undefined) continue;
    seen++;
    if (matchLabel(t, known).ok) return i;
    const words = wordCount(t);
    // The first line is the title unless it is plainly a paragraph of speech.
    if (seen === 1 && words <= 40 && !(words > 12 && /[.…]["'”’»)\]]*$/u.test(t)) && !(/,$/.test(t) && words <= 8)) continue;
    if (isDateLine(t)) { sawDate = true; continue; }
    if (/,$/.test(t) && words <= 8 && !/\d{4}\s*,?$/.test(t)) return i; // salutation
    // After the header's date, a short sentence ("Thank you, President.") already is speech.
    if (sawDate && /[.!?…]["'”’»)\]]*$/u.test(t) && !timeOnly(t)) return i;
    if (words >= 8 && /[.!?…]["'”’»)\]]*$/u.test(t) && !dateFollows(lines, i + 1, end)) return i;
    if (seen >= 12) return i;
  }
  return end;
}

/** A date line among the next three non-empty lines. */
function dateFollows(lines: SourceLine[], from: number, end: number): boolean {
  let looked = 0;
  for (let j = from; j < end && looked < 3; j++) {
    const t = (lines[j]?.text ?? "").trim();
    if (t === "") continue;
    looked++;
    if (matchLabel(t).ok) return false;
    if (isDateLine(t)) return true;
  }
  return false;
}

function isDateLine(t: string): boolean {
  return (dateOnly(t) ?? publishedLine(t) ?? eventDateLine(t)) !== null || trailingPlaceDate(t)?.placeAtStart === true;
}

/** The width text was wrapped at: the 90th percentile of line lengths. */
function wrapWidth(body: SourceLine[]): number {
  const lengths = body.map((l) => l.text.length).filter((n) => n > 0).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

/**
 * Text hard-wrapped at a fixed width: blocks of several short lines separated by blank lines, whose lines
 * mostly stop mid-sentence. One paragraph per line with no blank lines between (a short file pasted line by
 * line) is also blocks of short lines, but nearly every line of it ends a sentence.
 */
function isHardWrapped(body: SourceLine[]): boolean {
  let blocks = 0, multi = 0, inBlock = 0, long = 0, lines = 0, inner = 0, innerEnds = 0;
  let previous: SourceLine | null = null;
  for (const l of [...body, { line: 0, text: "" }]) {
    if (l.text.trim() === "") {
      if (inBlock > 0) { blocks++; if (inBlock > 1) multi++; }
      inBlock = 0;
      previous = null;
      continue;
    }
    // A line with another after it in its block: where a wrap would have cut.
    if (previous) {
      inner++;
      if (endsLikeSentence(previous.text)) innerEnds++;
    }
    previous = l;
    inBlock++;
    lines++;
    if (l.text.length > 100) long++;
  }
  return blocks > 0 && multi / blocks >= 0.3 && long / Math.max(1, lines) < 0.2 && innerEnds / Math.max(1, inner) < 0.5;
}

const MODERATOR = /^(?:the\s+)?(?:moderator|host|co-host|presenter|anchor|chair|chairman|chairperson|chairwoman|interviewer|narrator|operator)$/iu;

function asksQuestion(t: Turn): boolean {
  return t.paragraphs.some((p) => /\?["'”’»)\]]*$/u.test(p.text));
}

function containsQuestion(t: Turn): boolean {
  return t.paragraphs.some((p) => /\?(?:["'”’»)\]]*)(?:\s|$)/u.test(p.text));
}

/**
 * Gives every turn its role and returns the principal speaker. A label that says what it is ("Question:",
 * "A:") decides; a moderator asks when they ask something and otherwise belongs to the current section; a
 * journalist with an outlet asks; among several named speakers, those whose turns mostly end in a question
 * mark ask (the interviewer "CARLETON:", "Pavel Zarubin:") and the rest answer. Answers before the first
 * question are opening remarks.
 */
function decideRoles(turns: Turn[], labelOf: Map<Turn, Label>, title: string, context: string[], names: SpeakerNames): string | null {
  // With "Question:" labels about, a named asker is the exception and must mostly end on a question
  // mark; in an interview of named speakers only, asking anywhere in the turn is enough.
  const genericQuestions = turns.some((t) => labelOf.get(t)?.role === "question");
  const asks = genericQuestions ? asksQuestion : containsQuestion;
  const stats = new Map<string, { q: number; n: number; lastAsks: boolean }>();
  for (const t of turns) {
    const label = labelOf.get(t);
    if (!t.speaker || !label || label.role || MODERATOR.test(label.name)) continue;
    const s = stats.get(t.speaker) ?? { q: 0, n: 0, lastAsks: false };
    s.n++;
    if (asks(t)) s.q++;
    s.lastAsks = asksQuestion(t);
    stats.set(t.speaker, s);
  }
  const asker = (name: string | null) => {
    const s = name ? stats.get(name) : undefined;
    // One turn is little evidence: it must end on a question, not merely contain a rhetorical one.
    return stats.size > 1 && s !== undefined && s.q / s.n > 0.5 && (s.n > 1 || s.lastAsks);
  };
  const principal = principalSpeaker(title, context, turns, names, asker);
  let seenQuestion = false;
  for (const t of turns) {
    const label = labelOf.get(t);
    let role: TurnRole;
    if (!label) role = seenQuestion ? t.role : "remarks";
    else if (label.role) role = label.role;
    else if (MODERATOR.test(label.name)) role = asksQuestion(t) ? "question" : "answer";
    // "John Smith (Reuters):" asking; "Ms Dupont (France):" making a statement in a debate does not.
    else if ((isAffiliation(label.note) && asksQuestion(t)) || asker(t.speaker)) role = "question";
    else role = "answer";
    if (role === "question") seenQuestion = true;
    if (!seenQuestion && role === "answer") role = "remarks";
    t.role = role;
    // Unlabelled opening remarks and a bare "A:" are the principal's.
    if (principal && t.speaker === null && role !== "question" && (!label || /^(?:a|answer)$/iu.test(label.name))) t.speaker = principal;
  }
  return principal;
}

/** The person the transcript is about: an answerer named in the title, or "X's remarks/interview/...". */
function principalSpeaker(title: string, context: string[], turns: Turn[], names: SpeakerNames, asker: (name: string | null) => boolean): string | null {
  const titleLower = title.toLowerCase();
  for (const t of turns) {
    if (!t.speaker || asker(t.speaker)) continue;
    const surname = t.speaker.split(" ").pop()?.toLowerCase();
    if (surname && surname.length > 2 && titleLower.includes(surname)) return t.speaker;
  }
  const m = title.match(/(\p{Lu}[\p{L}.\-]+(?:\s+\p{Lu}[\p{L}.\-]+){0,5})['’]s\s+(?:opening\s+|joint\s+|keynote\s+|closing\s+|video\s+)?(?:remarks|speech|address|statement|interview|answers|comments|article|lecture|news conference|press conference|message|greetings|briefing|press encounter|op-ed)/u);
  if (m?.[1]) return names.resolve(m[1]);
  // "Remarks by President Biden ...", "Statement by Ambassador Barbara Woodward at ...", in the title or subtitle.
  for (const line of [title, ...context]) {
    const by = line.match(/\b(?:[Rr]emarks|[Ss]peech|[Aa]ddress|[Ss]tatement|[Bb]riefing|[Ll]ecture|[Mm]essage|[Ii]nterview|[Oo]p-ed|[Aa]rticle)\s+by\s+((?:\p{Lu}[\p{L}\p{M}.'’\-]*\s*){1,6})/u);
    const name = by?.[1]?.trim().split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).join(" ");
    if (name && !isRoleOnly(name)) return names.resolve(name);
  }
  return null;
}

function toSections(turns: Turn[]): Section[] {
  const sections: Section[] = [];
  let cur: Section | null = null;
  for (const t of turns) {
    if (t.role === "question") {
      if (cur?.kind === "qa" && cur.answer.length === 0) cur.question.push(t);
      else { cur = { kind: "qa", id: "q", question: [t], answer: [] }; sections.push(cur); }
    } else if (cur?.kind === "qa") {
      cur.answer.push({ ...t, role: "answer" });
    } else if (cur?.kind === "remarks") {
      cur.turns.push({ ...t, role: "remarks" });
    } else {
      cur = { kind: "remarks", id: "remarks", turns: [{ ...t, role: "remarks" }] };
      sections.push(cur);
    }
  }
  return sections;
}

function firstWords(turns: Turn[]): string | null {
  const text = turns.flatMap((t) => t.paragraphs).map((p) => p.text).find((t) => wordCount(t) > 0);
  if (!text) return null;
  const words = text.split(/\s+/).slice(0, 10).join(" ");
  return words.length < text.length ? `${words}…` : words;
}

/** URL slug of a title: its significant words, without the trailing place and date. */
export function titleSlug(title: string): string | null {
  // A date ending the title after a comma goes whole, "Month D, YYYY" (which has a comma of its own) included;
  // then a place ending it after a comma.
  const date = findDates(title).at(-1);
  const dated = date && /,\s*$/u.test(title.slice(0, date.index)) && /^[\s.]*$/u.test(title.slice(date.index + date.length)) ? title.slice(0, date.index).replace(/,\s*$/u, "") : title.replace(/,\s*[^,]*\b\d{4}\s*$/u, "");
  const withoutDate = dated.replace(/,\s*\p{Lu}[\p{L}\s.'’-]{0,30}$/u, "");
  const words = slugify(withoutDate, 1000).split("-").filter((w) => w !== "" && !SLUG_STOPWORDS.has(w));
  const slug = words.slice(0, TITLE_SLUG_WORDS).join("-");
  return slug === "" ? null : slug;
}

/**
 * Last resort if the parser itself fails: every non-empty line is a paragraph, and the reason is reported. No
 * known input gets here (a parser bug would); exported so that its output can be tested all the same.
 */
export function plainParagraphs(text: string, err: unknown): Transcript {
  const lines = toLines(text.replace(/\r\n?/g, "\n")).filter((l) => l.text.trim() !== "");
  const paragraphs = lines.map((l, i) => ({ id: `remarks--p${i + 1}`, text: l.text.trim(), line: l.line }));
  return {
    title: "Untitled transcript", subtitle: null, date: null, place: null, language: "en", speakers: [], source: {}, tags: [],
    slug: "transcript", header: [],
    sections: paragraphs.length ? [{ kind: "remarks", id: "remarks", turns: [{ role: "remarks", label: null, speaker: null, affiliation: null, line: paragraphs[0]?.line ?? 1, paragraphs }] }] : [],
    removed: [],
    warnings: [{ line: 0, code: "parse-failed", severity: "error", message: `the parser failed (${err instanceof Error ? err.message : String(err)}); published as plain paragraphs` }],
  };
}
