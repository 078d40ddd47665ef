import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cborg";
import * as pagefind from "pagefind";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalPart, type PartFiles } from "../../src/search/canonical-bundle.js";
import { searchRecords } from "../../src/search/records.js";
import { buildSite } from "../support/build-site.js";
import { builtPages } from "./pages.js";

const SIGNATURE = "pagefind_dcd";
const unpack = (gz: Uint8Array): unknown => decode(gunzipSync(gz).subarray(SIGNATURE.length));
const pack = (value: unknown): Uint8Array => gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encode(value)]));

/** The one language's metadata path and its filter list ([name, hash] pairs). */
function metaOf(files: PartFiles): { path: string; meta: unknown[]; filters: [string, string][] } {
  const entry = JSON.parse(Buffer.from(files.get("pagefind-entry.json")!).toString("utf8")) as { languages: Record<string, { hash: string }> };
  const [language] = Object.values(entry.languages);
  const path = `pagefind.${language!.hash}.pf_meta`;
  const meta = unpack(files.get(path)!) as unknown[];
  return { path, meta, filters: meta[3] as [string, string][] };
}

/** Every filter file's values, by filter name. */
function filterValues(files: PartFiles): Record<string, string[]> {
  return Object.fromEntries(metaOf(files).filters.map(([name, hash]) => [name, (unpack(files.get(`filter/${hash}.pf_filter`)!) as [string, [string, number[]][]])[1].map((v) => v[0])]));
}

describe("a part's files put in canonical order (real Pagefind output)", () => {
  let files: PartFiles;

  beforeAll(async () => {
    // One part as Pagefind returns it: both sample transcripts, so every filter has several values.
    const pages = builtPages((await buildSite()).dir);
    const { index } = await pagefind.createIndex({ forceLanguage: "en" });
    for (const page of pages) {
      for (const r of searchRecords(page.path, page.content)) await index!.addHTMLFile({ url: r.url, content: r.content });
    }
    files = new Map((await index!.getFiles()).files.map((f) => [f.path, f.content]));
    await index!.deleteIndex();
  });
  afterAll(async () => {
    await pagefind.close();
  });

  it("gives the same files whatever order Pagefind wrote the filters and their values in", () => {
    // The same part with every filter's values and the filter list reversed, as another process may write it.
    const reversed: PartFiles = new Map(files);
    const { path, meta, filters } = metaOf(files);
    expect(filters.length).toBeGreaterThan(1);
    let reorderedValues = 0;
    for (const [, hash] of filters) {
      const file = `filter/${hash}.pf_filter`;
      const [name, values] = unpack(files.get(file)!) as [string, unknown[]];
      if (values.length > 1) reorderedValues++;
      reversed.set(file, pack([name, [...values].reverse()]));
    }
    expect(reorderedValues).toBeGreaterThan(0);
    reversed.set(path, pack(meta.map((field, i) => (i === 3 ? [...filters].reverse() : field))));
    expect((unpack(reversed.get(path)!) as unknown[])[3]).not.toEqual(filters);
    const before = new Map([...files].map(([p, bytes]) => [p, Buffer.from(bytes)]));

    const a = canonicalPart(files), b = canonicalPart(reversed);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [p, bytes] of a) expect(Buffer.from(b.get(p)!).equals(Buffer.from(bytes)), p).toBe(true);
    // Code-point order, and the files renamed after their new bytes: the entry names the new metadata.
    for (const values of Object.values(filterValues(a))) expect(values).toEqual([...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const names = metaOf(a).filters.map((f) => f[0]);
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(names).toContain("kind");
    // Everything else is Pagefind's, untouched; the input map is not changed.
    for (const [p, bytes] of files) if (!/^filter\/|\.pf_meta$|^pagefind-entry\.json$/.test(p)) expect(a.get(p)).toBe(bytes);
    expect([...files.keys()]).toEqual([...before.keys()]);
    for (const [p, bytes] of files) expect(Buffer.from(bytes).equals(before.get(p)!), p).toBe(true);
  });

  it("orders filter values by code point, not by any locale's collation", () => {
    const { filters } = metaOf(files);
    const file = `filter/${filters[0]![1]}.pf_filter`;
    const [name] = unpack(files.get(file)!) as [string];
    const shuffled = new Map(files).set(file, pack([name, [["Ärger", [0]], ["apple", [0]], ["Zed", [0]], ["zebra", [0]]]]));
    const values = filterValues(canonicalPart(shuffled))[name];
    // A locale would say apple, Ärger, zebra, Zed; code points put capitals first and accented letters last.
    expect(values).toEqual(["Zed", "apple", "zebra", "Ärger"]);
  });

  it("names the file it cannot find, rather than failing on undefined", () => {
    const { path } = metaOf(files);
    const broken = new Map(files);
    broken.delete(path);
    expect(() => canonicalPart(broken)).toThrow(`${path}: missing from the files Pagefind returned`);
  });
});
