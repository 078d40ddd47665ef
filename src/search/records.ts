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
const turnOpen = (k: Kind) => new RegExp(`<div class="turn ${k}"`, "g");

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

/** The records of one rendered page; none when the page does not opt in to search (home, search, lists). */
export function searchRecords(path: string, html: string): SearchRecord[] {
  const open = BODY_OPEN.exec(html);
  const close = html.lastIndexOf("</main>");
  if (!open || close < open.index) return [];
  const page = urlOfPath(path);
  const lang = /<html\b[^>]*\blang="([^"]*)"/.exec(html)?.[1] ?? "en";
  // Only the indexed body travels to Pagefind: head, site header, footer, table of contents and the
  // original-header and parser-note boxes are never indexed, so they are not even sent.
  const main = html
    .slice(open.index + open[0].length, close)
    .replace(/<nav class="toc"[\s\S]*?<\/nav>/g, "")
    .replace(/<details\b[^>]*data-pagefind-ignore="all"[^>]*>[\s\S]*?<\/details>/g, "");
  const present = KINDS.filter((k) => turnOpen(k).test(main));
  // The filter value sits in the attribute: text in the element, even hidden, would be indexed as words.
  const wrap = (kind: Kind, body: string) => `<!doctype html><html lang="${lang}"><body><main data-pagefind-body><span data-pagefind-filter="kind:${kind}"></span>\n${body}</main></body></html>`;
  if (present.length === 0) return [{ url: `${page}?kind=remarks`, kind: "remarks", content: wrap("remarks", main) }];
  // The transcript's title and metadata text is indexed once per page, in its first record.
  return present.map((kind, i) => ({ url: `${page}?kind=${kind}`, kind, content: wrap(kind, recordBody(main, kind, i === 0)) }));
}

function recordBody(main: string, kind: Kind, withHeader: boolean): string {
  let out = main;
  // Turns hold only paragraphs (src/emit/body.ts), so a turn ends at the first </div> after it opens.
  for (const other of KINDS) if (other !== kind) out = out.replace(new RegExp(`<div class="turn ${other}"[^>]*>[\\s\\S]*?</div>\\n?`, "g"), "");
  // A section with none of this kind's text must not leave its heading behind as an empty sub-result.
  const otherSections = kind === "remarks" ? "qa" : "remarks";
  out = out.replace(new RegExp(`<section class="section ${otherSections}"[^>]*>[\\s\\S]*?</section>\\n?`, "g"), "");
  // Heading summaries repeat the question's first words; indexing them would put question text in every kind.
  out = out.replace(/<span class="summary">/g, '<span class="summary" data-pagefind-ignore>');
  // Plain data-pagefind-ignore drops the text but keeps the filters and metadata inside. The metadata list
  // (date, place, publisher, length) is never searched as text; the title is, in the page's first record.
  out = out.replace(/<dl class="meta"[^>]*>/, '<dl class="meta" data-pagefind-ignore>');
  if (!withHeader) out = out.replace(/<header class="transcript-header">/, '<header class="transcript-header" data-pagefind-ignore>');
  return out;
}
