/**
 * Which part of the split search index a page belongs to: its year (transcript URLs start /YYYY/), else
 * "undated". A year is the unit of re-indexing: a changed transcript re-indexes its year only, and a year of
 * even a busy ministry (a few hundred transcripts) keeps the indexer's memory small.
 */
export function partOfPath(path: string): string {
  const first = path.split("\\").join("/").replace(/^\/+/, "").split("/")[0] ?? "";
  return /^\d{4}$/.test(first) ? first : "undated";
}
