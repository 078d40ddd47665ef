import { MAX_TRANSCRIPT_BYTES, readTranscript } from "../ingest/read-transcript.js";
import type { Diagnostic, Transcript } from "../model/transcript.js";
import { parseTranscript, type ParseOptions } from "../parse/parse.js";
import { collectTranscriptFiles, printableName } from "./collect.js";

export interface FileDiagnostic extends Diagnostic {
  file: string;
}

export interface Loaded {
  parsed: { file: string; t: Transcript }[];
  failed: { file: string; reason: string }[];
  diagnostics: FileDiagnostic[];
}

/**
 * Files larger than this are refused by default. A long real press conference is about 200 KB; 10 MB is
 * over a million words, which in practice means a dump or a log saved into the folder by mistake, and a
 * page that no browser would render well. Raise it with `maxBytes` (CLI: --max-file-mb).
 */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface LoadOptions extends ParseOptions {
  maxBytes?: number;
  /** Called after each file, for progress output. */
  onFile?: (done: number, total: number, file: string) => void;
}

/** ingest + parse for every transcript file in `inputDir`; an unreadable file is reported, never fatal. */
export async function loadTranscripts(inputDir: string, options: LoadOptions = {}): Promise<Loaded> {
  const out: Loaded = { parsed: [], failed: [], diagnostics: [] };
  const maxBytes = Math.min(options.maxBytes ?? DEFAULT_MAX_FILE_BYTES, MAX_TRANSCRIPT_BYTES);
  const files = await collectTranscriptFiles(inputDir);
  for (const [i, entry] of files.entries()) {
    const file = entry.file;
    const shown = printableName(file);
    const skip = (reason: string) => {
      out.failed.push({ file, reason });
      out.diagnostics.push({ file: shown, line: 0, code: "unreadable", severity: "error", message: reason.endsWith("skipped") ? reason : `${reason}; skipped` });
    };
    if (entry.nameWarning) out.diagnostics.push({ file: shown, line: 0, code: "file-name", severity: "warning", message: entry.nameWarning });
    if (entry.refused) skip(entry.refused);
    else {
      const read = await readTranscript(entry.path, maxBytes);
      if (!read.ok) skip(read.reason.replace(/over the limit of (\d+) bytes/, (m, n: string) => `${m} (${Math.round(Number(n) / 1024 / 1024)} MB; raise it with --max-file-mb)`));
      else {
        for (const note of read.notes.filter((n) => /not UTF-8/.test(n))) {
          out.diagnostics.push({ file: shown, line: 0, code: "encoding", severity: "warning", message: `${note}; check the text, and save it as UTF-8 to be sure` });
        }
        const t = parseTranscript(read.text, options);
        out.parsed.push({ file, t });
        out.diagnostics.push(...t.warnings.map((w) => ({ ...w, message: oneLine(w.message), file: shown })));
      }
    }
    options.onFile?.(i + 1, files.length, shown);
  }
  return out;
}

/** Diagnostics print as one `file:line: severity: message` line each, whatever the message held. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ");
}
