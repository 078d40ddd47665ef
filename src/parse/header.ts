import type { HeaderLine, RemovedLine } from "../model/transcript.js";
import { dateOnly, trailingPlaceDate } from "./dates.js";
import { SOURCE_LINE } from "./boilerplate-rules.js";
import type { SourceLine } from "./lines.js";
import { wordCount } from "./lines.js";

export interface HeaderInfo {
  title: string | null;
  subtitle: string | null;
  date: string | null;
  place: string | null;
  published: string | null;
  publisher: string | null;
  url: string | null;
  header: HeaderLine[];
  removed: RemovedLine[];
}

const PUBLISHER = /\b(?:ministry|department of state|state department|white house|kremlin|press service|press office|government of|embassy|mission of|office of|secretariat|council|commission|parliament|agency|news service)\b/iu;

/** Reads the lines before the first turn: title (maybe repeated), event date and place, publication date, publisher. */
export function readHeader(lines: SourceLine[]): HeaderInfo {
  const info: HeaderInfo = { title: null, subtitle: null, date: null, place: null, published: null, publisher: null, url: null, header: [], removed: [] };
  const dateLines: { line: number; iso: string; afterTitle: boolean }[] = [];
  for (const { line, text } of lines) {
    const t = text.trim();
    if (t === "") continue;
    const source = t.match(SOURCE_LINE);
    if (source?.groups?.url) {
      info.url ??= source.groups.url;
      info.header.push({ line, text: t, role: "source" });
      continue;
    }
    const iso = dateOnly(t);
    if (iso) {
      dateLines.push({ line, iso, afterTitle: info.title !== null });
      info.header.push({ line, text: t, role: "date" });
      continue;
    }
    const pd = trailingPlaceDate(t);
    if (pd && pd.place && wordCount(t.slice(0, pd.start)) === 0 && info.date === null) {
      info.date = pd.iso;
      info.place = pd.place;
      info.header.push({ line, text: t, role: "place-date" });
      continue;
    }
    if (info.title !== null && sameText(t, info.title)) {
      info.removed.push({ line, text: t, rule: "repeated-title" });
      continue;
    }
    if (info.publisher === null && PUBLISHER.test(t) && wordCount(t) <= 14 && !/[.!?]$/.test(t)) {
      info.publisher = t;
      info.header.push({ line, text: t, role: "publisher" });
      continue;
    }
    if (info.title === null) {
      info.title = t;
      info.header.push({ line, text: t, role: "title" });
      if (pd && info.date === null) {
        info.date = pd.iso;
        info.place = pd.place;
      }
      continue;
    }
    if (info.subtitle === null) {
      info.subtitle = t;
      info.header.push({ line, text: t, role: "subtitle" });
      if (pd && info.date === null) {
        info.date = pd.iso;
        info.place = pd.place;
      }
      continue;
    }
    info.header.push({ line, text: t, role: "other" });
  }
  // The event date comes from a place-date line or the title; a standalone date line after the title is
  // then the publication date (ministries publish days after the event; blogs repost later still).
  if (info.date === null) {
    const first = dateLines[0];
    if (first) info.date = first.iso;
  } else {
    const pub = dateLines.find((d) => d.afterTitle && d.iso !== info.date) ?? dateLines.find((d) => d.iso !== info.date);
    if (pub && pub.iso > info.date) info.published = pub.iso;
  }
  return info;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return norm(a) === norm(b);
}
