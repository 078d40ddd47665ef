import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";

/**
 * The id ledger (README, "Anchor and URL contract"): every id ever issued, per transcript. Committed with the
 * content, because published links outlive any single build.
 */
export const LedgerRecordSchema = z.object({
  id: z.string().regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u),
  kind: z.enum(["remarks", "qa"]),
  /** null while the id names a section on the page; otherwise the live id this old id now leads to. */
  alias: z.string().nullable(),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  /** Similarity sketches, space-separated 8-hex-digit hashes (see src/ids/text.ts). */
  question: z.string(),
  answer: z.string(),
  /** Highest paragraph number ever issued per letter, so old paragraph links keep an anchor. */
  paragraphs: z.object({ q: z.number().int().nonnegative(), a: z.number().int().nonnegative(), p: z.number().int().nonnegative() }),
  /** The section's opening words, for people reading a diff of the ledger; never used for matching. */
  preview: z.string(),
});
export type LedgerRecord = z.infer<typeof LedgerRecordSchema>;

export const LedgerEntrySchema = z.object({
  /** The transcript's page URL in the last build that published it. */
  url: z.string(),
  /** Its source URL, the first thing a re-import is recognised by. */
  source: z.string().nullable(),
  /** Page URLs it was published at before (its title or date was corrected); they get redirect pages. */
  formerUrls: z.array(z.string()),
  ids: z.array(LedgerRecordSchema),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const LedgerSchema = z.object({ version: z.literal(1), transcripts: z.array(LedgerEntrySchema) });
export type Ledger = z.infer<typeof LedgerSchema>;

export const emptyLedger = (): Ledger => ({ version: 1, transcripts: [] });

/** A missing file is an empty ledger (first build); a damaged one is an error, never silently replaced. */
export async function readLedger(path: string): Promise<Ledger> {
  if (!existsSync(path)) return emptyLedger();
  const text = await readFile(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: the id ledger is not valid JSON (${(err as Error).message}); fix it or restore it from version control`);
  }
  const parsed = LedgerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: the id ledger is damaged at ${issue?.path.join(".")}: ${issue?.message}; restore it from version control`);
  }
  return parsed.data;
}

/** One line per id record, entries sorted by URL: stable bytes and readable diffs. */
export function serializeLedger(ledger: Ledger): string {
  const entries = [...ledger.transcripts].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const entry = (e: LedgerEntry): string =>
    `    {\n      "url": ${JSON.stringify(e.url)},\n      "source": ${JSON.stringify(e.source)},\n      "formerUrls": ${JSON.stringify(e.formerUrls)},\n      "ids": [\n${e.ids.map((r) => `        ${JSON.stringify(r)}`).join(",\n")}\n      ]\n    }`;
  return `{\n  "version": 1,\n  "transcripts": [\n${entries.map(entry).join(",\n")}\n  ]\n}\n`;
}

/** Writes only when the bytes change, through a temporary file, so readers never see half a ledger. */
export async function writeLedger(path: string, ledger: Ledger): Promise<boolean> {
  const text = serializeLedger(ledger);
  if (existsSync(path) && (await readFile(path, "utf8")) === text) return false;
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
  return true;
}
