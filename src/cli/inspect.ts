import { parseArgs } from "node:util";
import { loadSiteConfig } from "../config/site-config.js";
import { readTranscript } from "../ingest/read-transcript.js";
import type { Section, Transcript, Turn } from "../model/transcript.js";
import { parseTranscript } from "../parse/parse.js";

export interface InspectIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = "usage: verbatim inspect <file> [--json]";

/**
 * `verbatim inspect <file> [--json]`: ingest + parse one transcript and show what Verbatim understood.
 * Exit codes: 0 parsed, 1 the file could not be read, 2 wrong usage.
 */
export async function runInspect(args: string[], io: InspectIo = defaultIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  } catch (err) {
    io.err(`verbatim inspect: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    io.err(`verbatim inspect: ${file === undefined ? "no file given" : `one file at a time (got ${parsed.positionals.length})`}\n${USAGE}\n`);
    return 2;
  }
  const read = await readTranscript(file);
  if (!read.ok) {
    io.err(`${file}: error: ${read.reason}\n`);
    return 1;
  }
  let aliases: Record<string, string> = {};
  try {
    aliases = loadSiteConfig().aliases;
  } catch (err) {
    io.err(`warning: ${(err as Error).message}; inspecting without configured aliases\n`);
  }
  const t = parseTranscript(read.text, { aliases });
  if (parsed.values.json) {
    io.out(`${JSON.stringify({ file, encoding: read.encoding, ...t }, null, 2)}\n`);
  } else {
    io.out(outline(t, file, read.encoding, read.notes));
  }
  for (const w of t.warnings) io.err(`${file}:${w.line}: ${w.severity}: ${w.message}\n`);
  return 0;
}

/** A readable outline: metadata, then one line per section, then removed lines. */
export function outline(t: Transcript, file: string, encoding: string, notes: string[] = []): string {
  const out: string[] = [];
  out.push(t.title);
  if (t.subtitle) out.push(`  ${t.subtitle}`);
  out.push("");
  out.push(`  file       ${file} (${encoding}${notes.length ? `; ${notes.join("; ")}` : ""})`);
  out.push(`  date       ${t.date ?? "(none)"}`);
  out.push(`  place      ${t.place ?? "(none)"}`);
  out.push(`  speakers   ${t.speakers.length ? t.speakers.join(", ") : "(none)"}`);
  if (t.source.publisher) out.push(`  publisher  ${t.source.publisher}`);
  if (t.source.published) out.push(`  published  ${t.source.published}`);
  if (t.source.url) out.push(`  source     ${t.source.url}`);
  out.push(`  slug       ${t.slug}`);
  out.push("");
  const qa = t.sections.filter((s) => s.kind === "qa").length;
  out.push(`Sections: ${t.sections.length} (${qa} question/answer)`);
  let n = 0;
  for (const s of t.sections) out.push(...sectionLines(s, s.kind === "qa" ? ++n : 0));
  out.push("");
  out.push(`Removed lines: ${t.removed.length}`);
  for (const r of t.removed) out.push(`  ${String(r.line).padStart(5)}  [${r.rule}] ${clip(r.text, 70)}`);
  out.push(`Warnings: ${t.warnings.length}`);
  return `${out.join("\n")}\n`;
}

function sectionLines(s: Section, qaNumber: number): string[] {
  if (s.kind === "remarks") {
    return [`  #${s.id}  remarks: ${s.turns.map(who).join(", ")} (${count(s.turns)} paragraphs)`];
  }
  const first = s.question.flatMap((t) => t.paragraphs)[0]?.text ?? "";
  return [
    `  ${qaNumber}. #${s.id}`,
    `       Q ${s.question.map(who).join(", ")}: ${clip(first, 60)}`,
    `       A ${s.answer.length ? s.answer.map(who).join(", ") : "(no answer)"} (${count(s.answer)} paragraphs)`,
  ];
}

function who(t: Turn): string {
  const name = t.speaker ?? t.label?.replace(/:\s*$/, "") ?? "(unlabelled)";
  return t.affiliation ? `${name} (${t.affiliation})` : name;
}

function count(turns: Turn[]): number {
  return turns.reduce((n, t) => n + t.paragraphs.length, 0);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function defaultIo(): InspectIo {
  // `verbatim inspect f --json | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  return { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
}
