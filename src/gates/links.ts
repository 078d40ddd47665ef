import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { GateResult } from "./gate.js";

export interface LinkCheckOptions {
  /** The path prefix the site was built for ("/archive/"); every root-relative link must stay under it. */
  prefix?: string;
  /** The site's public URL, if it has one: absolute links to it (feeds, sitemap) are internal. */
  baseUrl?: string | null;
}

/**
 * Broken internal links and fragment anchors, found by reading the built files: every href, src and action
 * of every HTML page, and every link of the feeds, sitemap and JSON files, is resolved against the URL of
 * the file it is in, as a browser would (`../`, percent-encoding, query strings, folder URLs meaning
 * index.html, the path prefix), and must name a file of the build; a `#fragment` must name an id (or an
 * `<a name>`) on the target page. No server and no crawl order: every built file is a starting point, so a
 * page nothing links to is still checked. Links leaving the site (a transcript's source) are not fetched: CI
 * has no network, and a dead ministry page is not a broken build.
 */
export async function checkLinks(siteDir: string, options: LinkCheckOptions = {}): Promise<GateResult> {
  const prefix = normalisePrefix(options.prefix ?? "/");
  const origin = "http://site.invalid";
  const base = options.baseUrl ? new URL(options.baseUrl) : null;
  const files = await allFiles(siteDir);
  const fileSet = new Set(files);
  const ids = new Map<string, Set<string>>();
  const idsOf = async (file: string): Promise<Set<string>> => {
    let set = ids.get(file);
    if (!set) {
      set = fragmentTargets(await readFile(join(siteDir, file), "utf8"));
      ids.set(file, set);
    }
    return set;
  };
  /** One answer per resolved target: the same nav link on 10,000 pages is looked up once. */
  const verdicts = new Map<string, string | null>();
  let count = 0;
  const failures: string[] = [];

  for (const file of files) {
    const kind = linkSource(file);
    if (!kind) continue;
    const text = await readFile(join(siteDir, file), "utf8");
    const pageUrl = new URL(prefix + urlPathOf(file), origin);
    let links: string[];
    if (kind === "html") links = htmlLinks(text);
    else if (kind === "xml") links = xmlLinks(text);
    else {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (err) {
        failures.push(`${pageUrl.pathname}: not valid JSON (${(err as Error).message})`);
        continue;
      }
      links = jsonLinks(data);
    }
    for (const raw of links) {
      const link = raw.trim();
      let url: URL;
      try {
        if (base && link.startsWith(base.href)) url = new URL(prefix + link.slice(base.href.length), origin);
        else url = new URL(link, pageUrl);
      } catch {
        count++;
        failures.push(`${link} (not a URL) linked from ${pageUrl.pathname}`);
        continue;
      }
      if (url.origin !== origin) continue; // another host or scheme (http:, mailto:, data:): not ours to check
      count++;
      const key = url.pathname + url.hash;
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        verdict = await resolveTarget(url, prefix, fileSet, idsOf);
        verdicts.set(key, verdict);
      }
      if (verdict !== null) failures.push(`${link} (${verdict}) linked from ${pageUrl.pathname}`);
    }
  }
  return { gate: "links", unit: "internal links and fragment anchors checked", count, failures };
}

/** null when the target exists (and has the fragment), else why not; the status is the one a static host would give. */
async function resolveTarget(url: URL, prefix: string, files: Set<string>, idsOf: (file: string) => Promise<Set<string>>): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return "400: malformed percent-encoding";
  }
  if (!path.startsWith(prefix)) return `404: outside the path prefix ${prefix}`;
  let file = path.slice(prefix.length);
  if (file === "" || file.endsWith("/")) file += "index.html";
  // A folder URL without its slash: static hosts redirect it to the folder.
  else if (!files.has(file) && files.has(`${file}/index.html`)) file = `${file}/index.html`;
  if (!files.has(file)) return "404";
  if (url.hash === "" || url.hash === "#") return null;
  let fragment: string;
  try {
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    return "malformed percent-encoding in the fragment";
  }
  // A text fragment ("#id:~:text=...") scrolls to the id before it; "#top" is the top of any page (HTML spec).
  fragment = fragment.split(":~:")[0] ?? "";
  if (fragment === "" || fragment.toLowerCase() === "top") return null;
  if (!file.endsWith(".html")) return `fragment #${fragment} on a file that is not a page`;
  return (await idsOf(file)).has(fragment) ? null : `missing fragment: no id "${fragment}" on ${prefix}${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

function normalisePrefix(p: string): string {
  return `/${p.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
}

/** Every file of the build (search bundle included, since pages link into it), relative, "/"-separated, sorted. */
async function allFiles(siteDir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(relative(siteDir, p).split(sep).join("/"));
    }
  }
  await walk(siteDir);
  return out.sort();
}

/** Which built files hold links of ours: pages, feeds and sitemap, JSON; the search bundle is Pagefind's own. */
function linkSource(file: string): "html" | "xml" | "json" | null {
  if (file.startsWith("pagefind/")) return null;
  if (file.endsWith(".html")) return "html";
  if (file.endsWith(".xml")) return "xml";
  if (file.endsWith(".json")) return "json";
  return null;
}

/** "2018/02/07/slug/index.html" -> "2018/02/07/slug/"; other files keep their name. Percent-encoded as a URL. */
function urlPathOf(file: string): string {
  return file.replace(/(^|\/)index\.html$/, "$1").split("/").map(encodeURIComponent).join("/");
}

/** Transcript text is always escaped, so an attribute is only ever the site's own markup. */
export function htmlLinks(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)\s*=\s*"([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ""));
}

function xmlLinks(xml: string): string[] {
  const hrefs = [...xml.matchAll(/\shref="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ""));
  const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeEntities(m[1] ?? ""));
  // Atom <content type="html"> holds escaped HTML whose links count too.
  const content = [...xml.matchAll(/<content type="html">([^<]*)<\/content>/g)].flatMap((m) => htmlLinks(decodeEntities(m[1] ?? "")));
  return [...hrefs, ...locs, ...content];
}

/** Every string under a URL key of a JSON document, and the links inside its HTML fields; a transcript's source is external. */
function jsonLinks(value: unknown, key = ""): string[] {
  if (typeof value === "string") {
    if (/^(?:url|json|markdown|anchor|home_page_url|feed_url)$/.test(key)) return [value];
    if (key === "content_html") return htmlLinks(value);
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v) => jsonLinks(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => (k === "source" || k === "transcript" ? [] : jsonLinks(v, k)));
  return [];
}

/** The ids a fragment can point at: every id attribute, and the name of an `<a name>`. */
function fragmentTargets(html: string): Set<string> {
  const set = new Set<string>();
  for (const m of html.matchAll(/\sid\s*=\s*"([^"]*)"/g)) set.add(decodeEntities(m[1] ?? ""));
  for (const m of html.matchAll(/<a\s[^>]*?\sname\s*=\s*"([^"]*)"/g)) set.add(decodeEntities(m[1] ?? ""));
  return set;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith("#x")) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith("#")) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return NAMED[k] ?? all;
  });
}
