import { join } from "node:path";
import { readTranscript } from "../ingest/read-transcript.js";
import type { Diagnostic, Transcript } from "../model/transcript.js";
import { parseTranscript, type ParseOptions } from "../parse/parse.js";
import { listTranscriptFiles } from "./collect.js";

export interface FileDiagnostic extends Diagnostic {
  file: string;
}

export interface Loaded {
  parsed: { file: string; t: Transcript }[];
  failed: { file: string; reason: string }[];
  diagnostics: FileDiagnostic[];
}

/** ingest + parse for every transcript file in `inputDir`; an unreadable file is reported, never fatal. */
export async function loadTranscripts(inputDir: string, options: ParseOptions = {}): Promise<Loaded> {
  const out: Loaded = { parsed: [], failed: [], diagnostics: [] };
  for (const file of await listTranscriptFiles(inputDir)) {
    const read = await readTranscript(join(inputDir, file));
    if (!read.ok) {
      out.failed.push({ file, reason: read.reason });
      out.diagnostics.push({ file, line: 0, code: "unreadable", severity: "error", message: `${read.reason}; skipped` });
      continue;
    }
    const t = parseTranscript(read.text, options);
    out.parsed.push({ file, t });
    out.diagnostics.push(...t.warnings.map((w) => ({ ...w, file })));
  }
  return out;
}
