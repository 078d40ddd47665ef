import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Content-hash cache of the ingest and parse stages: an entry is a parsed Transcript (with its ingest notes and
 * its section texts for the id ledger, see src/ids/text.ts).
 * Emitting stays on the main thread after the id ledger is reconciled, so it is not cached. An entry is keyed
 * by the transcript's bytes, its path and the parse options, inside a folder named for a fingerprint of the
 * code that produced it: any edit to src/ingest, src/parse, src/model or src/ids/text.ts starts a fresh cache, so a stale
 * entry can never outlive the code that made it.
 */

export const CACHE_DIR = ".verbatim/cache";

const SRC = fileURLToPath(new URL("../", import.meta.url));
const CODE_DIRS = ["ingest", "parse", "model", "ids/text.ts", "build/process-file.ts"];

/**
 * Adds every file under `paths` (relative to src/; a file or a folder, walked in name order) to `h`, each as its
 * path and its bytes, then the locked dependency versions: a code fingerprint for a cache.
 */
export function hashSources(h: Hash, paths: string[]): Hash {
  const walk = (p: string): void => {
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else h.update(p.slice(SRC.length)).update("\0").update(readFileSync(p)).update("\0");
  };
  for (const d of paths) walk(join(SRC, d));
  const lock = join(SRC, "../package-lock.json");
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h;
}

let fingerprint: string | null = null;
/** Hash of every source file whose behaviour decides an entry, the locked dependency versions and the Node version. */
export function codeFingerprint(): string {
  // Dependency versions count too (chardet and iconv-lite decode, zod validates).
  fingerprint ??= hashSources(createHash("sha256").update(process.version), CODE_DIRS).digest("hex").slice(0, 16);
  return fingerprint;
}

export function cacheKey(file: string, bytes: Uint8Array, optionsJson: string): string {
  return createHash("sha256").update(file).update("\0").update(optionsJson).update("\0").update(bytes).digest("hex").slice(0, 32);
}

/** The folder for the current code; other code versions' folders under `cacheRoot` are removed. */
export async function openCache(cacheRoot: string): Promise<string> {
  const dir = join(cacheRoot, codeFingerprint());
  await mkdir(dir, { recursive: true });
  for (const e of await readdir(cacheRoot)) if (join(cacheRoot, e) !== dir) await rm(join(cacheRoot, e), { recursive: true, force: true });
  return dir;
}

/**
 * Removes entries no transcript of this build used (edited or deleted files), so the cache never grows without
 * bound. A temporary file is left alone while it is young: another build may be about to rename it.
 */
export async function pruneCache(dir: string, used: Set<string>): Promise<number> {
  let removed = 0;
  for (const e of await readdir(dir)) {
    const key = e.slice(0, e.indexOf("."));
    if (e.endsWith(".entry") ? used.has(key) : Date.now() - (await stat(join(dir, e)).then((s) => s.mtimeMs, () => 0)) < 60_000) continue;
    await rm(join(dir, e), { force: true });
    removed++;
  }
  return removed;
}
