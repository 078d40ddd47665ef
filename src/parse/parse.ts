import type { Diagnostic, HeaderLine, RemovedLine, Section, Transcript, Turn, TurnRole } from "../model/transcript.js";
import { TranscriptSchema } from "../model/transcript.js";
import { DEFAULT_BOILERPLATE_RULES, SOURCE_LINE, type BoilerplateRule } from "./boilerplate-rules.js";
import { splitFrontMatter } from "./front-matter.js";
import { readHeader } from "./header.js";
import { assignIds, slugify } from "./ids.js";
import { isAffiliation, matchLabel, type Label } from "./labels.js";
import { endsLikeSentence, toLines, wordCount, type SourceLine } from "./lines.js";
import { SpeakerNames, type AliasMap } from "./speakers.js";

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
    return fallback(text, err);
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
  if (fm.raw) removed.push(...toLines(fm.raw.replace(/\n$/, "")).map((l) => ({ ...l, rule: "front-matter" })));

  const ruleFor = (t: string, edge: boolean) => rules.find((r) => (edge || r.where === "anywhere") && r.pattern.test(t.trim()))?.name;
  const footerStart = findFooterStart(lines, ruleFor);
  const bodyStart = findBodyStart(lines, footerStart, names.knownForms());

  const header = readHeader(lines.slice(0, bodyStart).filter((l) => !markRemoved(l, ruleFor(l.text, true), removed)));
  removed.push(...header.removed);
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
  const turns: Turn[] = [];
  let current: Turn | null = null;
  let paragraphOpen = false;
  const labelOf = new Map<Turn, Label>();
  for (const l of body) {
    const t = l.text.trim();
    if (t === "") { paragraphOpen = false; continue; }
    if (markRemoved(l, ruleFor(t, false), removed)) { paragraphOpen = false; continue; }
    const m = matchLabel(t, names.knownForms());
    if (m.ok) {
      const label = m.label;
      const isRoleOnly = label.role !== null;
      const speaker = isRoleOnly && label.role === "question" ? null : label.role === "answer" && /^(?:a|answer)$/i.test(label.name) ? null : names.resolve(label.name);
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
    if (m.labelLike && /^\S[^:]{0,40}:\s/.test(t)) {
      warnings.push({ line: l.line, code: "label-not-recognised", severity: "warning", message: `"${t.slice(0, t.indexOf(":") + 1)}" looks like a speaker label but was not recognised; kept as text of the current turn` });
    }
    if (!current) {
      current = { role: "remarks", label: null, speaker: null, affiliation: null, line: l.line, paragraphs: [] };
      turns.push(current);
    }
    const last = current.paragraphs[current.paragraphs.length - 1];
    if (wrapped && paragraphOpen && last) last.text = `${last.text} ${t}`;
    else current.paragraphs.push({ id: "p", text: t, line: l.line });
    paragraphOpen = true;
  }

  const title = ov.title ?? header.title ?? firstWords(turns) ?? "Untitled transcript";
  if (!ov.title && !header.title) warnings.push({ line: 1, code: "no-title", severity: "warning", message: `no title line found; used "${title}"` });
  const principal = principalSpeaker(title, turns, names);
  decideRoles(turns, labelOf, title, principal);
  const sections = assignIds(toSections(turns));

  const speakers: string[] = [];
  for (const t of turns) if (t.speaker && labelOf.get(t)?.role !== "question" && !speakers.includes(t.speaker) && isPerson(t, labelOf)) speakers.push(t.speaker);
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
    place: ov.place ?? header.place,
    language: ov.language ?? "en",
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
    const shortNonSentence = wordCount(t) <= 8 && !endsLikeSentence(t) && !matchLabel(t).ok;
    if (!furniture && !shortNonSentence) break;
    if (furniture) { sawFurniture = true; start = i - 1; }
    i--;
    if (sawFurniture) start = i;
  }
  return sawFurniture ? start : lines.length;
}

/** The first line that reads as spoken text: a label, a salutation ("Dear friends,"), or a sentence of some length. */
function findBodyStart(lines: SourceLine[], end: number, known: Set<string>): number {
  let seen = 0;
  for (let i = 0; i < end; i++) {
    const t = (lines[i]?.text ?? "").trim();
    if (t === "") continue;
    seen++;
    if (matchLabel(t, known).ok) return i;
    const words = wordCount(t);
    if (/,$/.test(t) && words <= 8 && !/\d{4}\s*,?$/.test(t)) return i; // salutation
    if (words >= 8 && /[.!?…]["'”’»)\]]*$/u.test(t)) return i;
    if (seen >= 12) return i;
  }
  return end;
}

/** Text hard-wrapped at a fixed width: blocks of several short lines separated by blank lines. */
function isHardWrapped(body: SourceLine[]): boolean {
  let blocks = 0, multi = 0, inBlock = 0, long = 0, lines = 0;
  for (const l of [...body, { line: 0, text: "" }]) {
    if (l.text.trim() === "") {
      if (inBlock > 0) { blocks++; if (inBlock > 1) multi++; }
      inBlock = 0;
      continue;
    }
    inBlock++;
    lines++;
    if (l.text.length > 100) long++;
  }
  return blocks > 0 && multi / blocks >= 0.3 && long / Math.max(1, lines) < 0.2;
}

/** The person the transcript is about: named in the title ("Sergey Lavrov's remarks"), else the most frequent answerer. */
function principalSpeaker(title: string, turns: Turn[], names: SpeakerNames): string | null {
  const titleLower = title.toLowerCase();
  for (const t of turns) {
    if (!t.speaker) continue;
    const surname = t.speaker.split(" ").pop()?.toLowerCase();
    if (surname && surname.length > 2 && titleLower.includes(surname)) return t.speaker;
  }
  const m = title.match(/(\p{Lu}[\p{L}.\-]+(?:\s+\p{Lu}[\p{L}.\-]+){0,5})['’]s\s+(?:opening\s+|joint\s+|keynote\s+)?(?:remarks|speech|address|statement|interview|answers|comments|article|lecture|news conference|press conference|message|greetings)/u);
  if (m?.[1]) return names.resolve(m[1]);
  return null;
}

/** Named speakers get a role from context: the principal answers; others who mostly ask, ask. */
function decideRoles(turns: Turn[], labelOf: Map<Turn, Label>, title: string, principal: string | null): void {
  const asks = new Map<string, { q: number; n: number }>();
  for (const t of turns) {
    if (!t.speaker || labelOf.get(t)?.role) continue;
    const s = asks.get(t.speaker) ?? { q: 0, n: 0 };
    s.n++;
    if (t.paragraphs.some((p) => /\?["'”’»)]*$/u.test(p.text))) s.q++;
    asks.set(t.speaker, s);
  }
  const titleLower = title.toLowerCase();
  let seenQuestion = false;
  for (const t of turns) {
    const label = labelOf.get(t);
    let role: TurnRole;
    if (!label) role = seenQuestion ? t.role : "remarks";
    else if (label.role) role = label.role;
    else if (t.speaker === principal) role = "answer";
    else if (isAffiliation(label.note) || /^(?:moderator|host|presenter|anchor|interviewer|the moderator)$/i.test(label.name)) role = "question";
    else {
      const s = asks.get(t.speaker ?? "");
      const surname = (t.speaker ?? "").split(" ").pop()?.toLowerCase() ?? "";
      role = s && s.q / s.n > 0.5 && !(surname.length > 2 && titleLower.includes(surname)) ? "question" : "answer";
    }
    if (role === "question") seenQuestion = true;
    if (!seenQuestion && role === "answer") role = "remarks";
    t.role = role;
    if (!label && role === "remarks" && t.speaker === null) t.speaker = principal;
  }
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

function isPerson(t: Turn, labelOf: Map<Turn, Label>): boolean {
  const label = labelOf.get(t);
  if (!label) return true; // remarks attributed to the principal
  return !/^(?:moderator|chair|chairman|chairperson|host|presenter|anchor|interpreter|translator|voice|speaker|unidentified speaker|unknown|interviewer|the moderator|the chair)$/i.test(label.name);
}

function firstWords(turns: Turn[]): string | null {
  const text = turns.flatMap((t) => t.paragraphs).map((p) => p.text).find((t) => wordCount(t) > 0);
  if (!text) return null;
  const words = text.split(/\s+/).slice(0, 10).join(" ");
  return words.length < text.length ? `${words}…` : words;
}

/** URL slug of a title: its significant words, without the trailing place and date. */
export function titleSlug(title: string): string | null {
  const withoutDate = title.replace(/,\s*[^,]*\b\d{4}\s*$/u, "").replace(/,\s*\p{Lu}[\p{L}\s.'’-]{0,30}$/u, "");
  const words = slugify(withoutDate, 1000).split("-").filter((w) => w !== "" && !SLUG_STOPWORDS.has(w));
  const slug = words.slice(0, TITLE_SLUG_WORDS).join("-");
  return slug === "" ? null : slug;
}

/** Last resort if the parser itself fails: every non-empty line is a paragraph, and the reason is reported. */
function fallback(text: string, err: unknown): Transcript {
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
