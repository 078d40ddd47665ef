import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";

export interface CollectedFile {
  /** Path relative to the input folder, with "/" separators. */
  file: string;
  /** Absolute path to read. */
  path: string;
  /** Why the file must not be read (it is reported and skipped), if so. */
  refused?: string;
  /** Something odd about the name that is worth a warning; the file is still read. */
  nameWarning?: string;
}

/** Characters that make a file name print misleadingly: controls, bidi overrides/isolates, zero-width marks. */
const DECEPTIVE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/**
 * Transcript files under `dir` (recursively), sorted so that builds never depend on directory order.
 * Hidden files are ignored. A symbolic link is followed only when it stays inside the input folder; a link
 * pointing outside, a broken link, a link to a folder and anything that is not a regular file (FIFO, socket,
 * device) are returned with the reason they are refused, so the build can say so instead of reading them.
 */
export async function collectTranscriptFiles(dir: string): Promise<CollectedFile[]> {
  const root = await realpath(dir);
  const out: CollectedFile[] = [];
  async function walk(d: string): Promise<void> {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const path = join(d, e.name);
      const file = relative(dir, path).split(sep).join("/");
      const entry: CollectedFile = { file, path };
      const odd = [...new Set(e.name.match(DECEPTIVE) ?? [])];
      if (odd.length) entry.nameWarning = `file name contains invisible or direction-changing characters (${odd.map(codePoint).join(", ")}); the page URL comes from the transcript's title, not its name`;
      else if (e.name !== e.name.normalize("NFC")) entry.nameWarning = "file name is not in Unicode NFC form (decomposed accents); the page URL comes from the transcript's title, not its name";
      if (e.isDirectory()) {
        await walk(path);
        continue;
      }
      if (e.isSymbolicLink()) entry.refused = await symlinkProblem(path, root);
      else if (!e.isFile()) entry.refused = `not a regular file (${kindOf(await lstat(path))}); skipped`;
      out.push(entry);
    }
  }
  await walk(dir);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** File names only (compatibility with callers that just list). */
export async function listTranscriptFiles(dir: string): Promise<string[]> {
  return (await collectTranscriptFiles(dir)).filter((f) => !f.refused).map((f) => f.file);
}

async function symlinkProblem(path: string, root: string): Promise<string | undefined> {
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    return "broken symbolic link (its target does not exist); skipped";
  }
  const rel = relative(root, target);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return `symbolic link pointing outside the input folder (to ${target}); skipped`;
  const info = await stat(target);
  if (info.isDirectory()) return "symbolic link to a folder (not followed, to avoid loops); skipped";
  if (!info.isFile()) return `symbolic link to something that is not a regular file (${kindOf(info)}); skipped`;
  return undefined;
}

function kindOf(info: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (info.isFIFO()) return "a named pipe";
  if (info.isSocket()) return "a socket";
  if (info.isBlockDevice() || info.isCharacterDevice()) return "a device";
  return "not a file";
}

function codePoint(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A file name safe to print on a terminal: deceptive characters shown as \u{...} escapes. */
export function printableName(file: string): string {
  return file.replace(DECEPTIVE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
