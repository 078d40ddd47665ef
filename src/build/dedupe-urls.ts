import { pageUrl } from "../emit/page-url.js";
import type { Ledger } from "../ids/ledger-file.js";
import { sectionText, type SectionText } from "../ids/text.js";
import type { Transcript } from "../model/transcript.js";
import type { FileDiagnostic } from "./load.js";

/**
 * Two transcripts that would publish at the same URL: one keeps it, the others get "-2", "-3"... with a
 * warning. A URL the id ledger records for one of them stays with that transcript (the one sharing the most
 * section fingerprints with the ledger's entry), so adding or renaming a file never hands a published URL to
 * another transcript; a URL no one has published yet goes by file name order.
 */
export function dedupeUrls(
  parsed: { file: string; t: Transcript }[],
  report: { diagnostics: FileDiagnostic[] },
  ledger?: Ledger,
  textsOf: (t: Transcript) => SectionText[] = (t) => t.sections.map(sectionText),
): void {
  const groups = new Map<string, number[]>();
  parsed.forEach((p, i) => {
    const url = pageUrl(p.t);
    const g = groups.get(url);
    if (g) g.push(i);
    else groups.set(url, [i]);
  });
  const slugs: (string | undefined)[] = parsed.map(() => undefined);
  const taken = new Set(groups.keys());
  for (const members of groups.values()) {
    if (members.length === 1) continue;
    const base = parsed[members[0]!]!.t;
    const candidate = (n: number) => (n === 1 ? base.slug : `${base.slug}-${n}`);
    const urlOf = (n: number) => pageUrl({ ...base, slug: candidate(n) });
    const left = new Set(members);
    // Published URLs of this family first, each to the member that continues its ledger entry.
    if (ledger) {
      // The family's URLs a ledger can hold: the URL itself and a suffix for each member, with room for
      // members since deleted.
      for (let n = 1; left.size > 0 && n <= members.length + 8; n++) {
        const entry = ledger.transcripts.find((e) => e.url === urlOf(n));
        if (!entry) continue;
        const prints = new Set(entry.ids.map((r) => r.fingerprint));
        let best: { i: number; shared: number } | null = null;
        for (const i of left) {
          const shared = textsOf(parsed[i]!.t).filter((x) => prints.has(x.fingerprint)).length;
          if (shared > 0 && (!best || shared > best.shared)) best = { i, shared };
        }
        if (!best) continue;
        slugs[best.i] = candidate(n);
        left.delete(best.i);
        taken.add(urlOf(n));
      }
    }
    // The rest in file order: the first free of the URL itself, "-2", "-3"...
    const owned = new Set(slugs.filter((x, i) => x !== undefined && members.includes(i)));
    for (const i of members) {
      if (!left.has(i)) continue;
      let n = 1;
      while (owned.has(candidate(n)) || (n > 1 && taken.has(urlOf(n)))) n++;
      slugs[i] = candidate(n);
      owned.add(candidate(n));
      taken.add(urlOf(n));
    }
  }
  parsed.forEach((p, i) => {
    const slug = slugs[i];
    if (slug === undefined || slug === p.t.slug) return;
    report.diagnostics.push({ file: p.file, line: 0, code: "duplicate-url", severity: "warning", message: `another transcript already publishes at ${pageUrl(p.t)}; published at ${pageUrl({ ...p.t, slug })}` });
    p.t = { ...p.t, slug };
  });
}
