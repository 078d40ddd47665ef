import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { LEDGER_FILE } from "../build/build.js";
import { loadSiteConfig } from "../config/site-config.js";
import { readLedger } from "../ids/ledger-file.js";
import { reconcile, type PageLinks } from "../ids/reconcile.js";
import { readTranscript } from "../ingest/read-transcript.js";
import type { Section, Transcript, Turn } from "../model/transcript.js";
import { parseTranscript } from "../parse/parse.js";

export interface InspectIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = "usage: verbatim inspect <file> [--json] [--ledger FILE]";

/**
 * `verbatim inspect <file> [--json] [--ledger FILE]`: ingest + parse one transcript and show what Verbatim
 * understood, with the section ids the site publishes: reconciled with the id ledger of the configured input
 * folder (or `--ledger`), as a build does, and never written back. Exit codes: 0 parsed, 1 the file could not
 * be read, 2 wrong usage. `root` is where verbatim.config.json is looked for (the current folder).
 */
export async function runInspect(args: string[], io: InspectIo = defaultIo(), root = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean", default: false }, ledger: { type: "string" } } });
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
  let ledgerFile = parsed.values.ledger === undefined ? null : resolve(root, parsed.values.ledger);
  try {
    const site = loadSiteConfig(root);
    aliases = site.aliases;
    ledgerFile ??= resolve(root, site.input, LEDGER_FILE);
  } catch (err) {
    io.err(`warning: ${(err as Error).message}; inspecting without configured aliases${ledgerFile ? "" : " and without the id ledger"}\n`);
  }
  const parserIds = parseTranscript(read.text, { aliases });
  const ids = await publishedIds(parserIds, ledgerFile, parsed.values.ledger !== undefined, io);
  const t = ids?.t ?? parserIds;
  if (parsed.values.json) {
    io.out(`${JSON.stringify({ file, encoding: read.encoding, ...t }, null, 2)}\n`);
  } else {
    const ledger = ids ? { file: shownPath(root, ids.ledgerFile), parserIds, links: ids.links } : undefined;
    io.out(outline(t, file, read.encoding, read.notes, ledger));
  }
  for (const w of t.warnings) io.err(`${file}:${w.line}: ${w.severity}: ${w.message}\n`);
  return 0;
}

/** The ids a build would publish for this transcript, and where its old links go; null: the parser's ids stand. */
interface PublishedIds {
  t: Transcript;
  links: PageLinks;
  ledgerFile: string;
}

/**
 * Reconciles the one transcript with the ledger exactly as a build does (same ledger reader, same reconcile),
 * without writing anything. A missing ledger is a first build: the parser's ids are the published ones. A
 * ledger that cannot be read would fail a build; here it costs only the ids, with a warning.
 */
async function publishedIds(t: Transcript, ledgerFile: string | null, explicit: boolean, io: InspectIo): Promise<PublishedIds | null> {
  if (ledgerFile === null) return null;
  if (!existsSync(ledgerFile)) {
    // Only a ledger named on the command line is expected to be there: a missing one is most likely a typo.
    if (explicit) io.err(`warning: ${ledgerFile}: no such id ledger; showing the parser's ids\n`);
    return null;
  }
  try {
    const ids = reconcile(await readLedger(ledgerFile), [t]);
    const [published] = ids.transcripts;
    const [links] = ids.links;
    return published && links ? { t: published, links, ledgerFile } : null;
  } catch (err) {
    io.err(`warning: ${(err as Error).message}; showing the parser's ids, which may differ from the site's\n`);
    return null;
  }
}

function shownPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** What the id ledger made of the parser's ids, for the outline to point out. */
export interface LedgerView {
  /** The ledger, as the reader should find it. */
  file: string;
  /** The transcript as parsed, before the ledger: its sections are in the same order as the published ones. */
  parserIds: Transcript;
  links: PageLinks;
}

/** A readable outline: metadata, then one line per section, then removed lines. */
export function outline(t: Transcript, file: string, encoding: string, notes: string[] = [], ledger?: LedgerView): string {
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
  if (ledger) out.push(`  ids        as published: reconciled with the id ledger ${ledger.file}`);
  out.push("");
  const qa = t.sections.filter((s) => s.kind === "qa").length;
  out.push(`Sections: ${t.sections.length} (${qa} question/answer)`);
  let n = 0;
  for (const [i, s] of t.sections.entries()) out.push(...sectionLines(s, s.kind === "qa" ? ++n : 0, ledger && ledgerNotes(s, ledger.parserIds.sections[i], ledger.links)));
  if (ledger?.links.redirects.length) {
    out.push(`Redirects from old URLs: ${ledger.links.redirects.length}`);
    for (const r of ledger.links.redirects) out.push(`  ${r.from} -> ${r.to}`);
  }
  out.push("");
  out.push(`Removed lines: ${t.removed.length}`);
  for (const r of t.removed) out.push(`  ${String(r.line).padStart(5)}  [${r.rule}] ${clip(r.text, 70)}`);
  out.push(`Warnings: ${t.warnings.length}`);
  return `${out.join("\n")}\n`;
}

function sectionLines(s: Section, qaNumber: number, notes: string[] = []): string[] {
  const indented = notes.map((note) => `       ${note}`);
  if (s.kind === "remarks") {
    return [`  #${s.id}  remarks: ${s.turns.map(who).join(", ")} (${paragraphs(s.turns)})`, ...indented];
  }
  const first = s.question.flatMap((t) => t.paragraphs)[0]?.text ?? "";
  return [
    `  ${qaNumber}. #${s.id}`,
    ...indented,
    `       Q ${s.question.map(who).join(", ")}: ${clip(first, 60)}`,
    `       A ${s.answer.length ? s.answer.map(who).join(", ") : "(no answer)"} (${paragraphs(s.answer)})`,
  ];
}

/** Where a section's published id is not the parser's, and which old ids lead to it. */
function ledgerNotes(s: Section, parsed: Section | undefined, links: PageLinks): string[] {
  const notes: string[] = [];
  if (parsed && parsed.id !== s.id) notes.push(`id kept from an earlier build (the parser alone would give #${parsed.id})`);
  // Old paragraph ids follow their section; naming the section's old ids says enough.
  const old = (links.aliasAnchors[s.id] ?? []).filter((id) => !id.includes("--"));
  if (old.length) notes.push(`old ${old.map((id) => `#${id}`).join(", ")} ${old.length === 1 ? "leads" : "lead"} here`);
  return notes;
}

function who(t: Turn): string {
  const name = t.speaker ?? t.label?.replace(/:\s*$/, "") ?? "(unlabelled)";
  return t.affiliation ? `${name} (${t.affiliation})` : name;
}

function paragraphs(turns: Turn[]): string {
  const n = turns.reduce((k, t) => k + t.paragraphs.length, 0);
  return `${n} paragraph${n === 1 ? "" : "s"}`;
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
