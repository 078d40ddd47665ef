import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cborg";

/**
 * Pagefind 1.5 writes two things in the order of a Rust HashMap, which is seeded afresh in every process: the
 * values inside each filter file, and the list of filters in a language's metadata. The same pages then give
 * different bytes (and file names) from one build to the next, which breaks Verbatim's promise of the same
 * output for the same input and makes every deploy re-upload the search bundle. This rewrites both in sorted
 * order, on a part's files as Pagefind hands them over and before they are written. Nothing else changes:
 * same CBOR shapes, same compression, file names that are still hashes of the content.
 */

/** A part's files by their path inside the part ("pagefind-entry.json", "filter/en_8be1fc7.pf_filter", …). */
export type PartFiles = Map<string, Uint8Array>;

const SIGNATURE = Buffer.from("pagefind_dcd");
/** The metadata's fields, by position: [version, fragments, index chunks, filters, sorts, meta fields]. */
const META_FILTERS = 3;
const ENTRY = "pagefind-entry.json";

interface Entry {
  languages: Record<string, { hash: string }>;
}
type FilterFile = [name: string, values: [value: string, pages: number[]][]];
type FilterRef = [name: string, hash: string];

/** The same part with its filter values and filter lists in code-point order (and the names that follow). */
export function canonicalPart(input: PartFiles): PartFiles {
  const files = new Map(input);
  const entry = JSON.parse(Buffer.from(need(files, ENTRY)).toString("utf8")) as Entry;
  for (const language of Object.values(entry.languages)) {
    const metaPath = `pagefind.${language.hash}.pf_meta`;
    const meta = unpack(need(files, metaPath), metaPath) as unknown[];
    const filters = meta[META_FILTERS];
    if (!isFilterRefs(filters)) throw new Error(`${metaPath}: not the metadata layout of Pagefind 1.5 (field ${META_FILTERS} is not its filter list)`);
    const prefix = language.hash.slice(0, language.hash.lastIndexOf("_") + 1);
    for (const ref of filters) {
      const path = `filter/${ref[1]}.pf_filter`;
      const [name, values] = unpack(need(files, path), path) as FilterFile;
      const sorted: FilterFile = [name, [...values].sort((a, b) => compare(a[0], b[0]))];
      ref[1] = rewrite(files, path, "filter/", prefix, 7, ".pf_filter", sorted);
    }
    filters.sort((a, b) => compare(a[0], b[0]));
    const hash = rewrite(files, metaPath, "", `pagefind.${prefix}`, 10, ".pf_meta", meta);
    language.hash = hash.slice("pagefind.".length);
  }
  // Pagefind writes the entry as compact JSON, in its own key order, which parsing keeps.
  files.set(ENTRY, Buffer.from(JSON.stringify(entry), "utf8"));
  return files;
}

/** Puts `value` under a name hashed from its bytes in place of `oldPath`, and returns the new name. */
function rewrite(files: PartFiles, oldPath: string, dir: string, prefix: string, digits: number, ext: string, value: unknown): string {
  const raw = Buffer.concat([SIGNATURE, encode(value)]);
  const name = `${prefix}${createHash("sha256").update(raw).digest("hex").slice(0, digits)}`;
  files.delete(oldPath);
  // A fixed gzip header (no name, no time): the same bytes in, the same bytes out.
  files.set(`${dir}${name}${ext}`, gzipSync(raw, { level: 9 }));
  return name;
}

function need(files: PartFiles, path: string): Uint8Array {
  const bytes = files.get(path);
  if (!bytes) throw new Error(`${path}: missing from the files Pagefind returned`);
  return bytes;
}

function unpack(gz: Uint8Array, path: string): unknown {
  const raw = gunzipSync(gz);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${path}: not a Pagefind data file (no signature)`);
  return decode(raw.subarray(SIGNATURE.length));
}

function isFilterRefs(x: unknown): x is FilterRef[] {
  return Array.isArray(x) && x.every((r) => Array.isArray(r) && r.length === 2 && typeof r[0] === "string" && typeof r[1] === "string");
}

/** Code-point order: the same on every machine and locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
