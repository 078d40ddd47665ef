import type { Transcript } from "../model/transcript.js";

/**
 * A transcript's page URL comes from its content, never its file name: /YYYY/MM/DD/slug/ for a dated
 * transcript, /undated/slug/ otherwise. Relative to the site root (a path prefix is added at render time).
 */
export function pageUrl(t: Pick<Transcript, "date" | "slug">): string {
  if (!t.date) return `/undated/${t.slug}/`;
  const [y, m, d] = t.date.split("-");
  return `/${y}/${m}/${d}/${t.slug}/`;
}
