import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { collectTranscriptFiles, printableName, type CollectedFile } from "../build/collect.js";
import { DEFAULT_MAX_FILE_BYTES, type FileDiagnostic } from "../build/load.js";
import { readTranscript } from "../ingest/read-transcript.js";
import { dedupeUrls } from "../build/dedupe-urls.js";
import { LEDGER_FILE, readLedger } from "../ids/ledger-file.js";
import type { Transcript } from "../model/transcript.js";
import { parseTranscript, type ParseOptions } from "../parse/parse.js";
import { findDuplicates } from "./duplicates.js";

export interface LintOptions extends ParseOptions {
  maxBytes?: number;
  /** Near-duplicate threshold (share of 5-word passages in common). */
  similarity?: number;
}

export interface LintResult {
  files: number;
  diagnostics: FileDiagnostic[];
}

/** Zero-width space, bidi overrides and isolates, word joiner, stray BOM, soft hyphen. Not ZWJ/ZWNJ/LRM/RLM: emoji, Persian and right-to-left text use them properly. */
const INVISIBLE = /[\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/u;
/** UTF-8 read as Windows-1252/Latin-1: "â€™", "Ã©", "Ð¿"... */
const MOJIBAKE = /(?:â€[™œ\u009d“”˜¦]|Ã[\u00A0-\u00BF]|[ÐÑ][\u0080-\u00BF]{1}[ÐÑ])/u;

/**
 * `verbatim check`: everything the build would say about the transcripts, and more, without building.
 * Reads and parses each file (same limits as the build), then looks for encoding trouble, invisible
 * characters, transcripts that are the same text as another file, and transcripts the build would move off
 * the URL their content gives them because another one publishes there (read with the folder's id ledger,
 * as the build does).
 */
export async function lintTranscripts(target: string, options: LintOptions = {}): Promise<LintResult> {
  const info = await stat(target);
  const entries: CollectedFile[] = info.isDirectory()
    ? await collectTranscriptFiles(target)
    : [{ file: basename(target), path: target }];
  const diagnostics: FileDiagnostic[] = [];
  const texts: { file: string; text: string }[] = [];
  const parsed: { file: string; t: Transcript }[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  for (const entry of entries) {
    const file = printableName(entry.file);
    const add = (line: number, severity: "warning" | "error", code: string, message: string) => diagnostics.push({ file, line, severity, code, message });
    if (entry.nameWarning) add(0, "warning", "file-name", entry.nameWarning);
    if (entry.refused) {
      add(0, "error", "unreadable", entry.refused);
      continue;
    }
    const read = await readTranscript(entry.path, maxBytes);
    if (!read.ok) {
      add(0, "error", "unreadable", `${read.reason}; the build would skip it`);
      continue;
    }
    for (const note of read.notes) if (/not UTF-8/.test(note)) add(0, "warning", "encoding", `${note}; check the text, and save it as UTF-8`);
    encodingProblems(read.text, add);
    const t = parseTranscript(read.text, options);
    for (const w of t.warnings) add(w.line, w.severity, w.code, w.message.replace(/\s*\n\s*/g, " "));
    texts.push({ file, text: read.text });
    parsed.push({ file, t });
  }
  // In file-name order (collectTranscriptFiles), as the build settles them.
  const ledgerFile = join(target, LEDGER_FILE);
  dedupeUrls(parsed, { diagnostics }, info.isDirectory() ? await readLedger(ledgerFile).catch((err: Error) => {
    // The build would stop on it; say so, and check the URLs as if no ledger were there.
    const message = err.message.startsWith(`${ledgerFile}: `) ? err.message.slice(ledgerFile.length + 2) : err.message;
    diagnostics.push({ file: LEDGER_FILE, line: 0, severity: "error", code: "ledger", message: `${message}; the build would stop on it (URLs were checked without it)` });
    return undefined;
  }) : undefined);
  for (const d of findDuplicates(texts, options.similarity)) {
    diagnostics.push(d.kind === "identical"
      ? { file: d.file, line: 1, severity: "error", code: "duplicate", message: `same text as ${d.of} (after normalising spacing, case and punctuation); it would be published twice` }
      : { file: d.file, line: 1, severity: "warning", code: "near-duplicate", message: `nearly the same text as ${d.of} (${Math.round(d.similarity * 100)}% of passages shared); two copies of one transcript?` });
  }
  return { files: entries.length, diagnostics: sortDiagnostics(diagnostics) };
}

function encodingProblems(text: string, add: (line: number, severity: "warning" | "error", code: string, message: string) => void): void {
  const lines = text.split("\n");
  let replacement = 0, invisible = 0, mojibake = 0;
  lines.forEach((l, i) => {
    // One message per kind per file is enough to act on; the first line shows where.
    if (!replacement && l.includes("\uFFFD")) replacement = i + 1;
    if (!invisible && INVISIBLE.test(l)) invisible = i + 1;
    if (!mojibake && MOJIBAKE.test(l)) mojibake = i + 1;
  });
  if (replacement) add(replacement, "warning", "encoding", "contains U+FFFD replacement characters: bytes were lost before this file was saved; compare with the original");
  if (invisible) {
    const chars = [...new Set(text.match(new RegExp(INVISIBLE.source, "gu")) ?? [])].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
    add(invisible, "warning", "invisible-characters", `contains invisible or direction-changing characters (${chars.join(", ")}); they are kept, but can split words and confuse search`);
  }
  if (mojibake) add(mojibake, "warning", "encoding", "looks like UTF-8 text that was decoded as Windows-1252 or Latin-1 (\"â€™\", \"Ã©\"); re-save the original as UTF-8");
}

function sortDiagnostics(ds: FileDiagnostic[]): FileDiagnostic[] {
  return ds.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

