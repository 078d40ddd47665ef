import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
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
  /**
   * "sha256": the sketches were made with ledger version 1's hash (src/ids/text.ts, legacySketch); a section is
   * compared with them through a sketch made the same way. Absent: the current hash (src/ids/text.ts, sketch).
   */
  sketch: z.literal("sha256").optional(),
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

/** The ledger's file name inside the transcripts folder (README, "Anchor and URL contract"). */
export const LEDGER_FILE = ".ledger.json";

/**
 * The ledger version this code writes. Version 1 (sketches hashed with sha256) is still read: its records are
 * marked `sketch: "sha256"` as they are read, and keep that mark until a build replaces their sketches.
 */
export const LEDGER_VERSION = 2;

export const LedgerSchema = z.object({ version: z.literal(LEDGER_VERSION), transcripts: z.array(LedgerEntrySchema) });
export type Ledger = z.infer<typeof LedgerSchema>;
/** Version 1: the same, but every record's sketches were hashed with sha256 (and carry no `sketch` mark). */
export const LedgerV1Schema = z.object({ version: z.literal(1), transcripts: z.array(LedgerEntrySchema.extend({ ids: z.array(LedgerRecordSchema.omit({ sketch: true })) })) });
export type LedgerV1 = z.infer<typeof LedgerV1Schema>;

export const emptyLedger = (): Ledger => ({ version: LEDGER_VERSION, transcripts: [] });

/** A ledger file's contents as the current version: version 1's records are marked as sketched with sha256. */
export function upgradeLedger(file: Ledger | LedgerV1): Ledger {
  if (file.version === LEDGER_VERSION) return file;
  return { version: LEDGER_VERSION, transcripts: file.transcripts.map((e) => ({ ...e, ids: e.ids.map((r) => ({ ...r, sketch: "sha256" as const })) })) };
}

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
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version > LEDGER_VERSION) {
    throw new Error(`${path}: the id ledger is version ${version}, written by a newer verbatim (this one reads versions 1 to ${LEDGER_VERSION}); build with that version`);
  }
  const parsed = (version === 1 ? LedgerV1Schema : LedgerSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: the id ledger is damaged at ${issue?.path.join(".")}: ${issue?.message}; restore it from version control`);
  }
  return upgradeLedger(parsed.data);
}

/** A record's fields in one fixed order, `sketch` only when it is set: the same record always gives the same bytes. */
const recordJson = (r: LedgerRecord): string =>
  JSON.stringify({ id: r.id, kind: r.kind, alias: r.alias, fingerprint: r.fingerprint, question: r.question, answer: r.answer, ...(r.sketch ? { sketch: r.sketch } : {}), paragraphs: r.paragraphs, preview: r.preview });

/** One line per id record, entries sorted by URL: stable bytes and readable diffs. */
export function serializeLedger(ledger: Ledger): string {
  return [...ledgerChunks(ledger)].join("");
}

/** serializeLedger's text, one transcript at a time: at 10,000 transcripts the whole is 150 MB. */
function* ledgerChunks(ledger: Ledger): Generator<string> {
  const entries = [...ledger.transcripts].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const entry = (e: LedgerEntry): string =>
    `    {\n      "url": ${JSON.stringify(e.url)},\n      "source": ${JSON.stringify(e.source)},\n      "formerUrls": ${JSON.stringify(e.formerUrls)},\n      "ids": [\n${e.ids.map((r) => `        ${recordJson(r)}`).join(",\n")}\n      ]\n    }`;
  yield `{\n  "version": ${LEDGER_VERSION},\n  "transcripts": [\n`;
  for (let i = 0; i < entries.length; i++) yield `${i > 0 ? ",\n" : ""}${entry(entries[i]!)}`;
  yield `\n  ]\n}\n`;
}

/** Writes only when the bytes change, through a temporary file, so readers never see half a ledger. */
export async function writeLedger(path: string, ledger: Ledger): Promise<boolean> {
  return (await stageLedger(path, ledger)).commit();
}

export interface StagedLedger {
  /** Renames the staged file into place; false when the ledger's bytes did not change (nothing to do). */
  commit(): Promise<boolean>;
  /** Removes the staged file (a build that failed publishes nothing, so records nothing). */
  discard(): Promise<void>;
}

/**
 * Serializes the ledger now into a hidden temporary file beside `path`, to be renamed into place later. A build
 * stages its new ledger before rendering and lets go of it: at 10,000 transcripts its objects are hundreds of
 * MB that rendering and indexing have no use for.
 */
export async function stageLedger(path: string, ledger: Ledger): Promise<StagedLedger> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), stagingName(path, process.pid));
  // Written a transcript at a time and compared by hash, so the 150 MB text of a big archive is never one
  // string in memory (nor twice, with the old ledger read back to compare).
  const hash = createHash("sha256");
  const out = await open(tmp, "w");
  try {
    for (const chunk of ledgerChunks(ledger)) {
      hash.update(chunk);
      await out.write(chunk);
    }
  } catch (err) {
    await out.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await out.close();
  if (existsSync(path) && (await fileHash(path)) === hash.digest("hex")) {
    await rm(tmp, { force: true });
    return { commit: async () => false, discard: async () => {} };
  }
  return {
    commit: async () => {
      await rename(tmp, path);
      return true;
    },
    discard: () => rm(tmp, { force: true }),
  };
}

async function fileHash(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

const stagingName = (path: string, pid: number) => `.${basename(path)}.${pid}.tmp`;

/**
 * Removes ledgers staged by builds whose process is gone (killed mid-way, so nothing discarded them). A running
 * build's staging (another process, alive) is left alone.
 */
export async function removeStaleStaging(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length, -".tmp".length));
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await rm(join(dirname(path), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: a process of another user has that pid now; it is alive, and not ours to judge.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
