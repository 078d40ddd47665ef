import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cborg";

/**
 * Pagefind 1.5 writes two things in the order of a Rust HashMap, which is seeded afresh in every process: the
 * values inside each filter file, and the list of filters in a language's metadata. The same pages then give
 * different bytes (and file names) from one build to the next, which breaks Verbatim's promise of the same
 * output for the same input and makes every deploy re-upload the search bundle. This rewrites both in sorted
 * order after Pagefind is done with a part. Nothing else changes: same CBOR shapes, same compression, file
 * names that are still hashes of the content.
 */

const SIGNATURE = Buffer.from("pagefind_dcd");
/** The metadata's fields, by position: [version, fragments, index chunks, filters, sorts, meta fields]. */
const META_FILTERS = 3;

interface Entry {
  languages: Record<string, { hash: string }>;
}
type FilterFile = [name: string, values: [value: string, pages: number[]][]];
type FilterRef = [name: string, hash: string];

export async function canonicalizePart(dir: string): Promise<void> {
  const entryFile = join(dir, "pagefind-entry.json");
  const entry = JSON.parse(await readFile(entryFile, "utf8")) as Entry;
  for (const language of Object.values(entry.languages)) {
    const metaFile = join(dir, `pagefind.${language.hash}.pf_meta`);
    const meta = unpack(await readFile(metaFile)) as unknown[];
    const filters = meta[META_FILTERS];
    if (!isFilterRefs(filters)) throw new Error(`${metaFile}: not the metadata layout of Pagefind 1.5 (field ${META_FILTERS} is not its filter list)`);
    const prefix = language.hash.slice(0, language.hash.lastIndexOf("_") + 1);
    for (const ref of filters) {
      const file = join(dir, "filter", `${ref[1]}.pf_filter`);
      const [name, values] = unpack(await readFile(file)) as FilterFile;
      const sorted: FilterFile = [name, [...values].sort((a, b) => compare(a[0], b[0]))];
      ref[1] = await rewrite(file, join(dir, "filter"), prefix, 7, ".pf_filter", sorted);
    }
    filters.sort((a, b) => compare(a[0], b[0]));
    const hash = await rewrite(metaFile, dir, `pagefind.${prefix}`, 10, ".pf_meta", meta);
    language.hash = hash.slice("pagefind.".length);
  }
  // Pagefind writes the entry as compact JSON, in its own key order, which parsing keeps.
  await writeFile(entryFile, JSON.stringify(entry));
}

/** Writes `value` under a name hashed from its bytes, removes the old file if the name changed, returns the new name. */
async function rewrite(oldFile: string, dir: string, prefix: string, digits: number, ext: string, value: unknown): Promise<string> {
  const raw = Buffer.concat([SIGNATURE, encode(value)]);
  const name = `${prefix}${createHash("sha256").update(raw).digest("hex").slice(0, digits)}`;
  const file = join(dir, `${name}${ext}`);
  // A fixed gzip header (no name, no time): the same bytes in, the same bytes out.
  await writeFile(file, gzipSync(raw, { level: 9 }));
  if (file !== oldFile) await rm(oldFile);
  return name;
}

function unpack(gz: Buffer): unknown {
  const raw = gunzipSync(gz);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error("not a Pagefind data file (no signature)");
  return decode(raw.subarray(SIGNATURE.length));
}

function isFilterRefs(x: unknown): x is FilterRef[] {
  return Array.isArray(x) && x.every((r) => Array.isArray(r) && r.length === 2 && typeof r[0] === "string" && typeof r[1] === "string");
}

/** Code-point order: the same on every machine and locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
