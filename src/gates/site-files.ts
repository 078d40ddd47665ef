import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Every HTML page of a built site (relative paths, sorted), skipping the search bundle. */
export async function htmlPages(siteDir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "pagefind") await walk(p);
      } else if (e.name.endsWith(".html")) out.push(relative(siteDir, p).split(sep).join("/"));
    }
  }
  await walk(siteDir);
  return out.sort();
}

/** "2018/02/07/slug/index.html" -> "/2018/02/07/slug/" */
export function pageUrlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** "2020/10/05/slug/section/index.html" or "undated/slug/section/index.html": one question's own page. */
const ANSWER_PAGE = /^(?:\d{4}\/\d{2}\/\d{2}|undated)\/[^/]+\/[^/]+\/index\.html$/;

export interface PageSample {
  /** Every page that is not an answer page, then the sampled answer pages; sorted. */
  pages: string[];
  answerPages: number;
  sampledAnswerPages: number;
}

/**
 * The pages of a built site with its answer pages sampled: thousands of answer pages come from one template
 * and differ only in text, so checking each transcript's first, last and a few evenly spread ones (in the
 * order of its index.json) sees every variation (first has no "previous", last no "next") in seconds.
 * A transcript with `perTranscript` answers or fewer has all of them checked. Deterministic: same site,
 * same sample. Without `perTranscript`, every page.
 */
export async function samplePages(siteDir: string, perTranscript?: number): Promise<PageSample> {
  const all = await htmlPages(siteDir);
  const answers = all.filter((p) => ANSWER_PAGE.test(p));
  if (perTranscript === undefined) return { pages: all, answerPages: answers.length, sampledAnswerPages: answers.length };
  const byTranscript = new Map<string, string[]>();
  for (const p of answers) {
    const dir = p.replace(/[^/]+\/index\.html$/, "");
    byTranscript.set(dir, [...(byTranscript.get(dir) ?? []), p]);
  }
  const chosen = new Set<string>();
  for (const [dir, pages] of byTranscript) {
    const ordered = await transcriptOrder(siteDir, dir, pages);
    const n = ordered.length;
    if (n <= perTranscript) for (const p of ordered) chosen.add(p);
    else for (let k = 0; k < perTranscript; k++) chosen.add(ordered[Math.round((k * (n - 1)) / (perTranscript - 1))] as string);
  }
  const pages = all.filter((p) => !ANSWER_PAGE.test(p) || chosen.has(p));
  return { pages, answerPages: answers.length, sampledAnswerPages: chosen.size };
}

/** A transcript's answer pages in the order of its questions (index.json), any it does not list after them. */
async function transcriptOrder(siteDir: string, dir: string, pages: string[]): Promise<string[]> {
  let listed: string[] = [];
  try {
    const data = JSON.parse(await readFile(join(siteDir, dir, "index.json"), "utf8")) as { questions?: { url?: string }[] };
    const prefix = `/${dir}`;
    listed = (data.questions ?? []).map((q) => {
      const url = decodeURI(q.url ?? "");
      const at = url.indexOf(prefix);
      return at < 0 ? "" : `${url.slice(at + 1)}index.html`;
    });
  } catch {
    // No index.json: folder order.
  }
  const present = new Set(pages);
  const ordered = listed.filter((p) => present.has(p));
  const seen = new Set(ordered);
  return [...ordered, ...pages.filter((p) => !seen.has(p))];
}

/** "12 of 10,017 answer pages sampled", or nothing when every answer page was taken. */
export function sampleNote(s: PageSample): string {
  return s.sampledAnswerPages === s.answerPages ? "" : ` (${s.sampledAnswerPages.toLocaleString("en-US")} of ${s.answerPages.toLocaleString("en-US")} answer pages sampled)`;
}
