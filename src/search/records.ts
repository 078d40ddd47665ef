/**
 * Pagefind filters belong to a whole indexed record, so a "kind" filter (remarks / question / answer) needs
 * records that hold one kind of text each. A transcript page becomes up to three records, all at the page's
 * URL: its opening remarks, its questions, its answers. Each record is the page's own HTML with the other
 * kinds left out, so section headings (ids) still become sub-results and paragraph ids still become
 * anchors: a hit in an answer points at that answer's permanent id. Pagefind keeps one record per URL, so
 * each record's URL carries its kind as a query (`/2020/10/05/slug/?kind=answer`); the search page drops
 * that query from every link it shows (the page ignores it anyway).
 *
 * The markup matched here is produced by src/emit/body.ts and src/site/templates/transcript.ts; the tests in
 * test/search/records.test.ts build the real templates, so a change there that breaks this fails loudly.
 */

export const KINDS = ["remarks", "question", "answer"] as const;
export type Kind = (typeof KINDS)[number];

export interface SearchRecord {
  /** The page URL plus `?kind=...`. */
  url: string;
  kind: Kind;
  content: string;
}

const BODY_OPEN = /<main\b[^>]*\bdata-pagefind-body\b[^>]*>/;

/** The page URL of an output path: "2020/10/05/slug/index.html" -> "/2020/10/05/slug/". */
export function urlOfPath(path: string): string {
  const p = path.split("\\").join("/").replace(/^\/+/, "");
  if (p === "index.html") return "/";
  if (p.endsWith("/index.html")) return `/${p.slice(0, -"index.html".length)}`;
  return `/${p}`;
}

/** Whether a rendered page opts in to search at all. */
export function isSearchable(html: string): boolean {
  return BODY_OPEN.test(html);
}

/**
 * One pass over the page body finds every piece a record keeps, drops or marks: turns, sections, heading
 * summaries, the metadata list, the title header, the table of contents and the boxes never indexed.
 */
const PIECE = new RegExp(
  [
    String.raw`<div class="turn (?<turn>remarks|question|answer)"[^>]*>[\s\S]*?</div>\n?`,
    String.raw`<section class="section (?<section>remarks|qa)"[^>]*>`,
    String.raw`(?<sectionEnd></section>\n?)`,
    String.raw`(?<summary><span class="summary">)`,
    String.raw`(?<meta><dl class="meta"[^>]*>)`,
    String.raw`(?<header><header class="transcript-header">)`,
    String.raw`(?<skip><nav class="toc"[\s\S]*?</nav>|<details\b[^>]*data-pagefind-ignore="all"[^>]*>[\s\S]*?</details>)`,
  ].join("|"),
  "g",
);

/** The records of one rendered page; none when the page does not opt in to search (home, search, lists). */
export function searchRecords(path: string, html: string): SearchRecord[] {
  const open = BODY_OPEN.exec(html);
  const close = html.lastIndexOf("</main>");
  if (!open || close < open.index) return [];
  const page = urlOfPath(path);
  const lang = /<html\b[^>]*\blang="([^"]*)"/.exec(html)?.[1] ?? "en";
  // Only the indexed body travels to Pagefind: head, site header, footer, table of contents and the
  // original-header and parser-note boxes are never indexed, so they are not even sent.
  const main = html.slice(open.index + open[0].length, close);
  const pieces = [...main.matchAll(PIECE)];
  // Kinds with a turn in the indexed text (not one inside a box that is never indexed).
  const present = KINDS.filter((k) => pieces.some((m) => m.groups!.turn === k));
  // The filter value sits in the attribute: text in the element, even hidden, would be indexed as words.
  const wrap = (kind: Kind, body: string[]) => [`<!doctype html><html lang="${lang}"><body><main data-pagefind-body><span data-pagefind-filter="kind:${kind}"></span>\n`, ...body, "</main></body></html>"].join("");
  if (present.length === 0) return [{ url: `${page}?kind=remarks`, kind: "remarks", content: wrap("remarks", plainBody(main, pieces)) }];
  // The transcript's title and metadata text is indexed once per page, in its first record.
  const bodies = recordBodies(main, pieces, present);
  return present.map((kind) => ({ url: `${page}?kind=${kind}`, kind, content: wrap(kind, bodies.get(kind)!) }));
}

/** The body with only the never-indexed parts left out. */
function plainBody(main: string, pieces: RegExpExecArray[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const m of pieces) {
    if (m.groups!.skip === undefined) continue;
    out.push(main.slice(at, m.index));
    at = m.index + m[0].length;
  }
  out.push(main.slice(at));
  return out;
}

/**
 * Each kind's record body, as pieces of the page body (slices, not copies of the whole page: at 10,000
 * transcripts the copies a page made here were most of the index stage's memory). A record keeps its own
 * kind's turns and drops the others'; drops the sections holding none of its text (their headings would be
 * empty sub-results); and, in every record but the first, keeps the title header out of the text.
 */
function recordBodies(main: string, pieces: RegExpExecArray[], present: readonly Kind[]): Map<Kind, string[]> {
  const bodies = new Map(present.map((k) => [k, [] as string[]]));
  // A section of this kind holds none of the kind's text: remarks live in "remarks" sections, questions and
  // answers in "qa" ones.
  const dropsSection = (kind: Kind, section: string) => section !== (kind === "remarks" ? "remarks" : "qa");
  const dropping = new Map(present.map((k) => [k, false]));
  let metaSeen = false, headerSeen = false;
  let at = 0;
  const add = (piece: string | ((kind: Kind) => string | null)) => {
    for (const [kind, body] of bodies) {
      if (dropping.get(kind)) continue;
      const p = typeof piece === "string" ? piece : piece(kind);
      if (p) body.push(p);
    }
  };
  for (const m of pieces) {
    add(main.slice(at, m.index));
    at = m.index + m[0].length;
    const g = m.groups!;
    if (g.turn !== undefined) add((kind) => (kind === g.turn ? m[0] : null));
    else if (g.section !== undefined) {
      for (const kind of present) if (dropsSection(kind, g.section)) dropping.set(kind, true);
      add(m[0]);
    } else if (g.sectionEnd !== undefined) {
      add(m[0]);
      for (const kind of present) dropping.set(kind, false);
    } else if (g.summary !== undefined) {
      // Heading summaries repeat the question's first words; indexing them would put question text in every kind.
      add('<span class="summary" data-pagefind-ignore>');
    } else if (g.meta !== undefined) {
      // Plain data-pagefind-ignore drops the text but keeps the filters and metadata inside. The metadata list
      // (date, place, publisher, length) is never searched as text; the title is, in the page's first record.
      add(metaSeen ? m[0] : '<dl class="meta" data-pagefind-ignore>');
      metaSeen = true;
    } else if (g.header !== undefined) {
      add((kind) => (headerSeen || kind === present[0] ? m[0] : '<header class="transcript-header" data-pagefind-ignore>'));
      headerSeen = true;
    }
  }
  add(main.slice(at));
  return bodies;
}
