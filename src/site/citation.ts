import type { AnswerPageData } from "../emit/answer-pages.js";
import { firstWords, formatDateUs } from "./templates/format.js";

/**
 * Citations of one answer, pointing at its permanent page. Built from the parsed data only (no access
 * date: output must not depend on the day of the build).
 */

/** "Sergey Lavrov" -> "Lavrov, Sergey"; a one-word name stays as it is. */
export function invertName(name: string): string {
  const parts = name.trim().split(/\s+/u);
  if (parts.length < 2) return name.trim();
  const last = parts.pop() as string;
  return `${last}, ${parts.join(" ")}`;
}

function authors(a: AnswerPageData): string[] {
  return a.answerers.length ? a.answerers : a.transcript.speakers.slice(0, 1);
}

function question(a: AnswerPageData): string {
  const text = a.question.flatMap((t) => t.paragraphs).map((p) => p.text).join(" ");
  return firstWords(text || a.summary, 14);
}

/** Chicago notes-bibliography style, as for a speech or interview published online. */
export function chicagoCitation(a: AnswerPageData, url: string): string {
  const names = authors(a);
  const lead = names.length === 0 ? "" : names.length === 1 ? `${invertName(names[0] as string)}. ` : `${invertName(names[0] as string)}, and ${names.slice(1).join(", and ")}. `;
  const title = a.transcript.title.replace(/[.\s]+$/u, "");
  const where = [a.transcript.place, formatDateUs(a.transcript.eventDate)].filter(Boolean).join(", ");
  const parts = [
    `${lead}“${title}.”`,
    `Answer to question ${a.number}: “${question(a).replace(/[.…]+$/u, "")}…”`,
    where ? `${where}.` : "",
    a.transcript.publisher ? `${a.transcript.publisher.replace(/\.$/u, "")}.` : "",
    `${url}.`,
  ];
  return parts.filter(Boolean).join(" ");
}

/** BibTeX's special characters, escaped so any title survives LaTeX. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/gu, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\^{}" : c === "~" ? "\\~{}" : `\\${c}`,
  );
}

const BIB_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function bibtexKey(a: AnswerPageData): string {
  const who = (authors(a)[0] ?? "verbatim").split(/\s+/u).pop() ?? "verbatim";
  const year = a.transcript.eventDate?.slice(0, 4) ?? "nd";
  const ids = a.id.split("-");
  const word = ids.find((w) => w.length > 4) ?? ids.reduce((best, w) => (w.length > best.length ? w : best), "");
  return `${who}${year}${word}`.normalize("NFKD").replace(/[^A-Za-z0-9]/gu, "").toLowerCase() || "answer";
}

export function bibtexCitation(a: AnswerPageData, url: string): string {
  const names = authors(a);
  const fields: [string, string][] = [];
  if (names.length) fields.push(["author", names.map((n) => bibtexEscape(invertName(n))).join(" and ")]);
  fields.push(["title", `{${bibtexEscape(`${a.transcript.title.replace(/[.\s]+$/u, "")}: answer to question ${a.number}`)}}`]);
  const [y, m, d] = (a.transcript.eventDate ?? "").split("-");
  if (y) fields.push(["year", y]);
  if (m) fields.push(["month", BIB_MONTHS[Number(m) - 1] ?? m]);
  if (y && m && d) fields.push(["date", `${y}-${m}-${d}`]);
  if (a.transcript.place) fields.push(["address", bibtexEscape(a.transcript.place)]);
  if (a.transcript.publisher) fields.push(["organization", bibtexEscape(a.transcript.publisher)]);
  fields.push(["note", bibtexEscape(`Question: “${question(a)}”`)]);
  fields.push(["url", url.replace(/[{}\\%#]/gu, (c) => `\\${c}`)]);
  const body = fields.map(([k, v]) => (k === "month" ? `  ${k} = ${v}` : `  ${k} = {${v}}`)).join(",\n");
  return `@misc{${bibtexKey(a)},\n${body}\n}`;
}
