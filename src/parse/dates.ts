/** Dates as transcripts write them: "February 7, 2018", "Friday 9 October 2020", "15 May 201921:30", ISO, 07.02.2018. */

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
  // Russian (genitive, as dates are written), French and German month names of reposted originals.
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
  janvier: 1, février: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12,
  januar: 1, februar: 2, märz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
};
const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|")})\\.?(?![\\p{L}])`;
const WEEKDAY = "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?,?\\s+)";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
// A year may be glued to a following time ("201921:30"), so it ends at a non-digit or at H:MM.
const YEAR = "(\\d{4})(?=\\D|$|\\d{1,2}:\\d{2})(?:\\s*(?:года|г\\.))?";

const PATTERNS: { re: RegExp; order: "mdy" | "dmy" | "ymd" }[] = [
  { re: new RegExp(`${WEEKDAY}?${MONTH}\\s+${DAY},?\\s+${YEAR}`, "giu"), order: "mdy" },
  { re: new RegExp(`${WEEKDAY}?${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`, "giu"), order: "dmy" },
  { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, order: "ymd" },
  { re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g, order: "dmy" },
];

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, order } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const iso = toIso(m, order);
      if (!iso) continue;
      const index = m.index ?? 0;
      if (found.some((f) => index < f.index + f.length && f.index < index + m[0].length)) continue;
      found.push({ iso, index, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function toIso(m: RegExpMatchArray, order: "mdy" | "dmy" | "ymd"): string | null {
  let y: number, mo: number, d: number;
  const a = m[1] ?? "", b = m[2] ?? "", c = m[3] ?? "";
  if (order === "mdy") { mo = MONTHS[a.toLowerCase().replace(".", "")] ?? 0; d = +b; y = +c; }
  else if (order === "dmy") { d = +a; mo = MONTHS[b.toLowerCase().replace(".", "")] ?? +b; y = +c; }
  else { y = +a; mo = +b; d = +c; }
  if (!(y >= 1800 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A line that is nothing but a date (plus weekday, time of day, punctuation). */
export function dateOnly(line: string): string | null {
  const [first, ...rest] = findDates(line);
  if (!first || rest.length > 0) return null;
  const remainder = (line.slice(0, first.index) + " " + line.slice(first.index + first.length))
    .replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h|hrs)?|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)/giu, "")
    .replace(/\b(?:GMT|UTC|MSK|CET|EST|EDT)\b/g, "")
    .replace(/[\s,.;:|()\-–—/]+/gu, "");
  return remainder === "" ? first.iso : null;
}

/**
 * "Sochi, February 7, 2018" or a title ending "..., Moscow, October 5, 2020": place and date at the end.
 * A place counts only when a comma sets it off from the date ("Department Press Briefing – October 12"
 * names no place), and, inside a longer line, from what comes before it.
 */
export function trailingPlaceDate(line: string): { place: string | null; iso: string; start: number; placeAtStart: boolean } | null {
  const dates = findDates(line);
  const last = dates[dates.length - 1];
  if (!last) return null;
  const after = line.slice(last.index + last.length).replace(/[\s.,;:)]+$/u, "");
  if (after !== "" && !/^\s*\d{1,2}:\d{2}/.test(after)) return null;
  const rawBefore = line.slice(0, last.index);
  const before = rawBefore.replace(/[\s,–—-]+$/u, "");
  const commaBeforeDate = /,[\s–—-]*$/u.test(rawBefore);
  const pm = before.match(/(?:^|,\s*)(\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|on|upon|am|la|le|del|di))*)$/u);
  const place = commaBeforeDate && pm?.[1] && pm[1].split(/\s+/).length <= 4 && !/^(?:published|posted|updated|released|date|dated|last updated)$/iu.test(pm[1]) ? pm[1] : null;
  const start = place ? before.length - place.length : last.index;
  return { place, iso: last.iso, start, placeAtStart: place !== null && start === 0 };
}

/** "Published 21 June 2021", "Posted on: October 8, 2020", "Publication date: ...": a publication date line. */
export function publishedLine(line: string): string | null {
  const m = line.match(/^(?:published|posted|updated|last updated|released|publication date|date of publication)(?:\s+on)?\s*:?\s*(?<rest>.+)$/iu);
  return m?.groups?.rest ? dateOnly(m.groups.rest) : null;
}

/** "Delivered on: 6 June 2023 (Original script, may differ from delivered version)": the event's own date line. */
export function eventDateLine(line: string): string | null {
  const m = line.match(/^(?:delivered(?: on)?|date of (?:the )?event|event date|held on|recorded(?: on)?|date)\s*:?\s*(?<rest>.+?)(?:\s*\([^()]*\))?$/iu);
  return m?.groups?.rest ? dateOnly(m.groups.rest) : null;
}

/** "1:18 p.m. EDT", "23:40", "9:52 A.M. EDT": a line that is only a time of day. */
export function timeOnly(line: string): boolean {
  return /^[\[(]?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:\(?[A-Z]{2,5}\)?)?[\])]?$/iu.test(line.trim());
}
