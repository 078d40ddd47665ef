import type { Transcript, Turn } from "../../src/model/transcript.js";
import { isRoleOnly } from "../../src/parse/speakers.js";
import type { Truth } from "./truth.js";

/** The basic fields scored per transcript (the "title, date, place, speakers, number of sections"). */
export const FIELDS = ["title", "date", "place", "speakers", "sections"] as const;
export type Field = (typeof FIELDS)[number];

export interface TurnCheck {
  first: string;
  expected: string | null;
  got: string | null;
  expectedRole: string;
  gotRole: string | null;
  /** The words are in a named person's mouth who did not say them. */
  wrongMouth: boolean;
  right: boolean;
}

export interface Score {
  fields: Partial<Record<Field, { right: boolean; expected: unknown; got: unknown }>>;
  turns: TurnCheck[];
}

const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "the", "hon", "honourable", "honorable", "his", "her", "excellency", "h", "e", "president", "senator", "secretary", "minister", "ambassador", "governor", "mayor", "chairman", "chairwoman", "chair", "representative", "rep", "sen", "gov", "judge", "justice", "general", "gen", "prime", "vice", "deputy", "foreign", "spokesperson", "madam", "monsieur", "herr", "frau", "г", "господин", "госпожа"]);

export function norm(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[’‘`]/g, "'").replace(/[^\p{L}\p{N}']+/gu, " ").trim();
}

function nameTokens(s: string): string[] {
  return norm(s).replace(/'/g, "").split(" ").filter((t) => t !== "" && !HONORIFICS.has(t));
}

/**
 * Two spellings of one person: the same words, or the same surname with compatible given names ("Joe Biden"
 * and "President Biden", "Antony J. Blinken" and "Antony Blinken", "В.Путин" and "Владимир Путин").
 */
export function sameName(a: string, b: string): boolean {
  if (norm(a) === norm(b)) return true;
  const x = nameTokens(a), y = nameTokens(b);
  if (x.length === 0 || y.length === 0 || x.at(-1) !== y.at(-1)) return false;
  const gx = x.slice(0, -1), gy = y.slice(0, -1);
  if (gx.length === 0 || gy.length === 0) return true;
  return gx[0]![0] === gy[0]![0];
}

/** A parsed speaker that names a person (not "Moderator", not an office alone). */
function person(name: string | null): string | null {
  return name && !isRoleOnly(name) ? name : null;
}

function scoreSpeakers(expected: string[], got: string[]): boolean {
  const people = got.filter((g) => person(g) !== null);
  if (people.length !== expected.length) return false;
  const used = new Set<number>();
  return expected.every((e) => {
    const i = people.findIndex((g, k) => !used.has(k) && sameName(e, g));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

/** Question-and-answer sections the truth implies: runs of question turns. */
export function expectedSections(truth: Truth): number {
  let n = 0;
  let inQuestion = false;
  for (const t of truth.turns) {
    if (t.role === "question" && !inQuestion) n++;
    inQuestion = t.role === "question";
  }
  return n;
}

interface Located { turn: Turn; index: number; text: string }

function flatten(t: Transcript): Located[] {
  const out: Located[] = [];
  for (const s of t.sections) {
    const turns = s.kind === "remarks" ? s.turns : [...s.question, ...s.answer];
    for (const turn of turns) for (const p of turn.paragraphs) out.push({ turn, index: out.length, text: norm(p.text) });
  }
  return out;
}

/** Finds each truth turn's first words in the parsed paragraphs, in order, and checks whose mouth they are in. */
function checkTurns(truth: Truth, parsed: Transcript): TurnCheck[] {
  const paragraphs = flatten(parsed);
  let cursor = 0;
  return truth.turns.map((t) => {
    const first = norm(t.first);
    let at = paragraphs.findIndex((p, i) => i >= cursor && p.text.includes(first));
    if (at < 0) at = paragraphs.findIndex((p) => p.text.includes(first));
    const found = at >= 0 ? paragraphs[at] : undefined;
    if (at >= 0) cursor = at;
    const got = found ? person(found.turn.speaker) : null;
    const gotRole = found ? found.turn.role : null;
    const wrongMouth = got !== null && (t.speaker === null || !sameName(t.speaker, got));
    const speakerRight = t.speaker === null ? got === null : got !== null && sameName(t.speaker, got);
    const roleRight = (t.role === "question") === (gotRole === "question");
    return { first: t.first, expected: t.speaker, got, expectedRole: t.role, gotRole, wrongMouth, right: found !== undefined && speakerRight && roleRight };
  });
}

export function scoreTranscript(truth: Truth, parsed: Transcript): Score {
  const fields: Score["fields"] = {};
  if (truth.title !== null) fields.title = { right: norm(parsed.title) === norm(truth.title), expected: truth.title, got: parsed.title };
  fields.date = { right: parsed.date === truth.date, expected: truth.date, got: parsed.date };
  fields.place = {
    right: truth.place === null ? parsed.place === null : parsed.place !== null && truth.place.some((p) => norm(p) === norm(parsed.place ?? "")),
    expected: truth.place,
    got: parsed.place,
  };
  fields.speakers = { right: scoreSpeakers(truth.speakers, parsed.speakers), expected: truth.speakers, got: parsed.speakers };
  const sections = parsed.sections.filter((s) => s.kind === "qa").length;
  fields.sections = { right: sections === expectedSections(truth), expected: expectedSections(truth), got: sections };
  return { fields, turns: checkTurns(truth, parsed) };
}
