import type { HeaderLine, RemovedLine } from "../model/transcript.js";
import { dateOnly, eventDateLine, publishedLine, timeOnly, trailingPlaceDate } from "./dates.js";
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
/** Mastheads copied with the page: the site is the publisher. */
const SITE_NAME = /^(?:president of russia|the white house|white house|u\.?s\.? department of state|department of state|united nations|the kremlin|kremlin|prime minister'?s office)$/iu;
const EVENT_WORDS = /\b(?:statement|remarks|speech|address|meeting|briefing|interview|conference|encounter|session|talks|visit|debate|hearing|discussion|answers?|questions?)\b/iu;
/** Words that make a short capitalised line a role, an office or an event rather than a place. */
const NOT_PLACE = /\b(?:minister|ministry|secretary|spokesperson|spokesman|spokeswoman|president|department|briefing|press|conference|interview|remarks|statement|speech|address|transcript|senator|ambassador|hon|embassy|office|episode|podcast|breakfast|news|media|readout|agency|service|mission|session|meeting)\b/iu;
/** A short place line: "Washington, DC", "The Kremlin, Moscow", "South Lawn", "World Trade Centre, Moscow". */
const PLACE_SHAPE = /^(?:The\s+)?\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|of|de|on|upon|am|la|le|del|di))*(?:,\s*\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*)*)?$/u;

type Kind = "source" | "date" | "published" | "time" | "place-date" | "text";
interface Classified extends SourceLine {
  kind: Kind;
  iso: string | null;
  place: string | null;
}

/**
 * Reads the lines before the first turn: title (maybe repeated), event date and place, publication date,
 * publisher, source link. Every line it is given comes back either as a header line or as a removed line.
 */
export function readHeader(lines: SourceLine[]): HeaderInfo {
  const info: HeaderInfo = { title: null, subtitle: null, date: null, place: null, published: null, publisher: null, url: null, header: [], removed: [] };
  const items = lines.filter((l) => l.text.trim() !== "").map((l) => classify({ line: l.line, text: l.text.trim() }));
  const roles = new Map<Classified, string>();

  for (const it of items) {
    if (it.kind === "source") {
      info.url ??= it.text.match(SOURCE_LINE)?.groups?.url ?? null;
      roles.set(it, "source");
    } else if (it.kind === "place-date" && info.date === null) {
      info.date = it.iso;
      info.place = it.place;
      roles.set(it, "place-date");
    } else if (it.kind === "place-date" || it.kind === "date" || it.kind === "published" || it.kind === "time") {
      roles.set(it, it.kind === "place-date" ? "date" : it.kind);
    }
  }

  // The title: the first line of text that is not a publisher's name; a later identical line is a repeat.
  const texts = items.filter((it) => it.kind === "text");
  const titleItem = texts.find((it) => !isPublisher(it.text)) ?? texts[0];
  if (titleItem) {
    info.title = titleItem.text;
    roles.set(titleItem, "title");
    const pd = trailingPlaceDate(titleItem.text);
    if (pd && info.date === null) {
      info.date = pd.iso;
      info.place = pd.placeAtStart ? null : pd.place;
    }
  }
  for (const it of texts) {
    if (it !== titleItem && info.title !== null && sameText(it.text, info.title)) {
      info.removed.push({ line: it.line, text: it.text, rule: "repeated-title" });
      roles.set(it, "removed");
    }
  }

  // A place on a line of its own next to a date line (before it, else after it, times of day aside).
  if (info.place === null) {
    const dated = items.filter((it) => it.kind === "date" || it.kind === "published" || it.kind === "place-date");
    const candidates: Classified[] = [];
    for (const d of dated) {
      const i = items.indexOf(d);
      candidates.push(...[neighbour(items, i, -1), neighbour(items, i, +1)].filter((c): c is Classified => c !== undefined));
    }
    const place = candidates.find((c) => c.kind === "text" && !roles.has(c) && looksLikePlace(c.text));
    if (place) {
      info.place = place.text;
      roles.set(place, "place");
    }
  }

  for (const it of texts) {
    if (roles.has(it)) continue;
    if (info.publisher === null && isPublisher(it.text)) {
      info.publisher = it.text.replace(/^(?:from|published by|by)\s*:\s*/iu, "");
      roles.set(it, "publisher");
    } else if (info.subtitle === null && it.line > (titleItem?.line ?? 0)) {
      info.subtitle = it.text;
      roles.set(it, "subtitle");
      const pd = trailingPlaceDate(it.text);
      if (pd && info.date === null) {
        info.date = pd.iso;
        info.place ??= pd.placeAtStart ? null : pd.place;
      }
    } else {
      roles.set(it, "other");
    }
  }

  // The event date comes from a place-date line or the title; a standalone date line is then the
  // publication date (ministries publish days after the event; blogs repost later still).
  const dateLines = items.filter((it) => it.kind === "date" || it.kind === "published");
  const explicit = items.find((it) => it.kind === "published");
  if (info.date === null) {
    const first = dateLines.find((d) => d.kind === "date") ?? dateLines[0];
    if (first) info.date = first.iso;
    if (explicit?.iso && info.date && explicit.iso !== info.date) info.published = explicit.iso;
  } else if (explicit?.iso && explicit.iso !== info.date) {
    info.published = explicit.iso;
  } else {
    const afterTitle = dateLines.filter((d) => d.line > (titleItem?.line ?? 0));
    const pub = afterTitle.find((d) => d.iso !== info.date) ?? dateLines.find((d) => d.iso !== info.date);
    if (pub?.iso && pub.iso > info.date) info.published = pub.iso;
  }

  for (const it of items) {
    const role = roles.get(it) ?? "other";
    if (role !== "removed") info.header.push({ line: it.line, text: it.text, role });
  }
  return info;
}

function classify(l: SourceLine): Classified {
  const t = l.text;
  if (SOURCE_LINE.test(t)) return { ...l, kind: "source", iso: null, place: null };
  const iso = dateOnly(t) ?? eventDateLine(t);
  if (iso) return { ...l, kind: "date", iso, place: null };
  const pub = publishedLine(t);
  if (pub) return { ...l, kind: "published", iso: pub, place: null };
  if (timeOnly(t)) return { ...l, kind: "time", iso: null, place: null };
  const pd = trailingPlaceDate(t);
  if (pd?.placeAtStart) return { ...l, kind: "place-date", iso: pd.iso, place: pd.place };
  return { ...l, kind: "text", iso: null, place: null };
}

function neighbour(items: Classified[], i: number, step: number): Classified | undefined {
  let j = i + step;
  while (items[j]?.kind === "time") j += step;
  return items[j];
}

function looksLikePlace(text: string): boolean {
  return wordCount(text) <= 5 && !/\d/.test(text) && PLACE_SHAPE.test(text) && !NOT_PLACE.test(text);
}

/** An organisation's name, not an event held by one ("UK statement at the UN Security Council meeting"). */
function isPublisher(text: string): boolean {
  if (/^(?:from|published by)\s*:/iu.test(text) || SITE_NAME.test(text)) return true;
  return PUBLISHER.test(text) && wordCount(text) <= 14 && !/[.!?]$/.test(text) && !EVENT_WORDS.test(text);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return norm(a) === norm(b);
}
