import { createHash } from "node:crypto";
import { constants, existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import type { SiteConfig } from "../config/site-config.js";
import type { EmitLinks } from "../emit/markdown.js";
import type { Transcript } from "../model/transcript.js";
import type { TranscriptItem } from "../site/collections.js";
import { hashSources } from "./cache.js";
import { eleventyConfigFile } from "./config-file.js";

/**
 * Render cache of whole builds: which output files each transcript produced, keyed by everything that decides
 * their bytes. A rebuild hard-links an unchanged transcript's files from the live site into the new one instead
 * of rendering them again; only new or changed transcripts (and those whose newer/older neighbours changed)
 * go through Eleventy. The manifest sits beside the emitted pages (.verbatim/), never in the published site.
 */

export const RENDER_MANIFEST = "render-manifest.json";
const VERSION = 1;

/** One file a transcript put into the site, as it was when the build that wrote it finished. */
export const CachedFileSchema = z.object({
  /** Relative to the output folder, with "/" separators. */
  path: z.string().min(1),
  /** The page URL Eleventy reported (false: not a page, e.g. index.json). */
  url: z.union([z.string(), z.literal(false)]),
  searchable: z.boolean(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
});
export type CachedFile = z.infer<typeof CachedFileSchema>;

const ManifestSchema = z.object({
  version: z.literal(VERSION),
  /** The output folder the files live in: a manifest of another folder is never used. */
  outDir: z.string(),
  entries: z.record(z.string(), z.array(CachedFileSchema)),
});

/** What a shard may reuse: the live site's folder and the previous build's entries. */
export interface RenderReuse {
  from: string;
  entries: Record<string, CachedFile[]>;
  /** Fingerprint of the code and settings that render (renderFingerprint). */
  fingerprint: string;
}

/**
 * Hash of what renders a page besides the transcript itself: every Verbatim source file (templates, emit, the
 * parser whose output they show), the locked dependencies, the Eleventy config the build uses (the project's,
 * or Verbatim's), Node, and the site settings. Any change to them renders everything again.
 */
export function renderFingerprint(root: string, site: SiteConfig): string {
  const h = hashSources(createHash("sha256").update(`${VERSION}\0${process.version}\0${JSON.stringify(site)}\0`), [""]);
  const config = eleventyConfigFile(root);
  if (existsSync(config)) h.update(readFileSync(config));
  return h.digest("hex").slice(0, 32);
}

/**
 * The key of one transcript's output: its parsed form after URL de-duplication and id reconciliation, its
 * source file name (shown on the page), its links from the ledger (redirects, former anchors), and the title and
 * URL of the newer and older transcripts its pager links to.
 */
export function transcriptRenderKey(
  item: { file: string; t: Transcript; links: EmitLinks | undefined },
  neighbours: { newer?: TranscriptItem; older?: TranscriptItem },
  fingerprint: string,
): string {
  const near = (x: TranscriptItem | undefined) => (x ? [x.url, x.title] : null);
  return createHash("sha256")
    .update(fingerprint)
    .update("\0")
    .update(JSON.stringify([item.file, item.links ?? null, near(neighbours.newer), near(neighbours.older)]))
    .update("\0")
    .update(JSON.stringify(item.t))
    .digest("hex")
    .slice(0, 32);
}

/** The previous build's entries, if they describe `outDir`; an unreadable or foreign manifest means none. */
export async function readRenderManifest(file: string, outDir: string): Promise<Record<string, CachedFile[]>> {
  try {
    const m = ManifestSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    return m.success && m.data.outDir === outDir ? m.data.entries : {};
  } catch {
    return {};
  }
}

/** Written after the new site is in place, for the next build; replaced whole, so it never grows stale keys. */
export async function writeRenderManifest(file: string, outDir: string, entries: Iterable<[string, CachedFile[]]>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const scratch = `${file}.${process.pid}.tmp`;
  await writeFile(scratch, JSON.stringify({ version: VERSION, outDir, entries: Object.fromEntries(entries) }));
  await rename(scratch, file);
}

/** Whether every file is still exactly as the previous build left it (`verbatim dev` rewrites pages in place). */
export async function intact(files: CachedFile[], from: string): Promise<boolean> {
  for (const f of files) {
    const s = await stat(join(from, f.path)).catch(() => null);
    if (!s?.isFile() || s.size !== f.size || s.mtimeMs !== f.mtimeMs) return false;
  }
  return true;
}

/**
 * Puts a transcript's files from the live site into the new one. Hard links cost no copy, and a link never
 * replaces an existing file, so nothing rendered in this build is overwritten. All or nothing: on any failure
 * what was placed is taken back and null returned, and the caller renders the transcript instead. Returns the
 * files as they now are in `to`.
 */
export async function placeCached(files: CachedFile[], from: string, to: string): Promise<CachedFile[] | null> {
  const placed: CachedFile[] = [];
  try {
    for (const f of files) {
      const target = join(to, f.path);
      await mkdir(dirname(target), { recursive: true });
      // Some file systems have no hard links; a copy is slower but the same bytes.
      await link(join(from, f.path), target).catch((err: NodeJS.ErrnoException) => (err.code === "EEXIST" || err.code === "ENOENT" ? Promise.reject(err) : copyFile(join(from, f.path), target, constants.COPYFILE_EXCL)));
      const s = await stat(target);
      placed.push({ ...f, size: s.size, mtimeMs: s.mtimeMs });
    }
  } catch {
    for (const f of placed) await unlink(join(to, f.path)).catch(() => {});
    return null;
  }
  return placed;
}

/** A file just written into the new site, for the manifest. */
export async function cachedFile(outDir: string, path: string, url: string | false, searchable: boolean): Promise<CachedFile> {
  const s = await stat(join(outDir, path));
  return { path, url, searchable, size: s.size, mtimeMs: s.mtimeMs };
}
