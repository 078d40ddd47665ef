import type { LabelMatch, LabelRule } from "../../labels.js";
import { isAffiliation, isOutlet, isPersonName, looksLikeName, roleOfName, ROLE_NAMES } from "../../label-names.js";
import { hasRoleWord, isRoleOnly } from "../../speakers.js";

const TIME = String.raw`[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?`;
/** Labels copied from Markdown or rich text: "**Question:**", "__Sergey Lavrov__:". */
const EMPHASIS = String.raw`(?:\*\*|__|\*)?`;
const LABEL_RE = new RegExp(
  String.raw`^(?<raw>(?:${TIME}\s+)?${EMPHASIS}(?<name>[^:()\[\]\n*_]{1,60}?)${EMPHASIS}\s*(?<notes>(?:\([^)\n]{1,80}\)\s*){0,2})\s*(?:${TIME}\s*)?[:：]${EMPHASIS})\s*(?<rest>.*)$`,
  "u",
);
const INTERPRETER_NOTE = /^\((?:(?:via|through|by) (?:an |the )?interpret(?:er|ers|ation)|as interpreted|interpreted|translated|retranslated|in translation)\.?\)\s*/iu;
/** Rev's "Gavin Newsom: (00:07)": the time after the colon is the label's, the words follow on the next line. */
const TIME_ONLY_REST = new RegExp(String.raw`^${TIME}$`, "u");
/** A placeholder or handle as a name ("$HOST", "@jane"): only as an emphasised label. */
const HANDLE = /^[$@#]?\p{L}[\p{L}\p{N}_\-]*$/u;
/** "Gavin Newsom Press Conference Transcript: ..." is a title, not a speaker. */
const EVENT_NAME = /\b(?:transcript|press conference|news conference|interview|remarks|speech|briefing|hearing|podcast|episode|debate|statement|address|q&a)\b/iu;

/** "Sergey Lavrov:", "Question (Reuters):", "[00:00:12] Guest:", "Official Spokesperson, Ms. Jane Roe:". */
export const colonLabel: LabelRule = {
  name: "colon-label",
  match(text, ctx) {
    const m = text.match(LABEL_RE);
    if (!m?.groups) return null;
    const name = (m.groups.name ?? "").trim();
    const notes = [...(m.groups.notes ?? "").matchAll(/\(([^)]*)\)/gu)].map((n) => (n[1] ?? "").trim()).filter((n) => n !== "");
    // "Mr. Nebenzia (Russian Federation) (spoke in Russian):": the affiliation is the note that is one.
    const note = notes.find((n) => isAffiliation(n)) ?? notes[0] ?? null;
    let rest = m.groups.rest ?? "";
    let raw = m.groups.raw ?? "";
    // "QUESTION: (Via interpreter) Mr. Minister, ...": how it was said belongs with who said it.
    const how = rest.match(INTERPRETER_NOTE) ?? (TIME_ONLY_REST.test(rest.trim()) ? [rest] : null);
    if (how) {
      raw = `${raw} ${how[0].trim()}`;
      rest = rest.slice(how[0].length);
    }
    const labelLike = (m.groups.raw ?? "").length <= 70 && looksLikeName(name);
    // A URL ("http://...") or a time ("at 10:30") is not a label.
    if (/^\/\//.test(rest) || (/\d$/.test(name) && roleOfName(name) === null && !ROLE_NAMES.test(name))) return { ok: false, labelLike: false };
    if (name === "") return { ok: false, labelLike };
    return readName({ raw, name, note, rest, emphasised: /^(?:\S+\s+)?(?:\*\*|__)/u.test(raw) }, ctx.known) ?? { ok: false, labelLike };
  },
};

interface Parts { raw: string; name: string; note: string | null; rest: string; emphasised: boolean }

function readName(p: Parts, known: ReadonlySet<string>): LabelMatch | null {
  const base = { raw: p.raw, note: p.note, rest: p.rest, rule: "colon-label" };
  const role = roleOfName(p.name);
  if (EVENT_NAME.test(p.name) && !known.has(p.name.toLowerCase())) return null;
  if (role) return { ok: true, label: { ...base, name: p.name, role } };
  if (isOutlet(p.name) && !known.has(p.name.toLowerCase())) return { ok: true, label: { ...base, name: p.name, note: p.note ?? p.name, role: "question", outlet: true } };
  const split = nameAndOffice(p.name, known);
  if (split) return { ok: true, label: { ...base, ...split, role: null } };
  if (ROLE_NAMES.test(p.name) || isPersonName(p.name, known) || (p.emphasised && HANDLE.test(p.name))) {
    const weak = p.note === null && !ROLE_NAMES.test(p.name) && !known.has(p.name.toLowerCase()) && p.name !== p.name.toUpperCase() && p.name.includes(" ");
    return { ok: true, label: { ...base, name: p.name, role: null, ...(weak ? { weak } : {}) } };
  }
  return null;
}

/**
 * "Official Spokesperson, Ms. Jane Roe" is Jane Roe; "Mr. Taro Suzuki, Minister for Foreign Affairs" is Taro
 * Suzuki; "John Smith, Reuters" is John Smith asking for Reuters. One side names a person, the other an
 * office or an outlet.
 */
function nameAndOffice(name: string, known: ReadonlySet<string>): { name: string; office?: string; note?: string; outlet?: boolean } | null {
  const parts = name.split(/\s*,\s*/u);
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  const person = (s: string) => isPersonName(s, known) && !isRoleOnly(s);
  const office = (s: string) => isRoleOnly(s) || hasRoleWord(s) || /^\p{Lu}[\p{L}\-]*(?:\s+(?:\p{Lu}[\p{L}\-]*|of|for|and|the|on|to|de|du))*$/u.test(s);
  if (person(b) && (isRoleOnly(a) || hasRoleWord(a))) return { name: b, office: a };
  if (!person(a)) return null;
  if (isOutlet(b)) return { name: a, note: b };
  if (office(b)) return { name: a, office: b };
  return null;
}
