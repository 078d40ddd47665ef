import yaml from "js-yaml";
import { z } from "zod";
import type { Diagnostic } from "../model/transcript.js";

/** Fields a transcript's own YAML front-matter may set; they override what the parser detects. */
export interface Overrides {
  title?: string;
  subtitle?: string;
  /** YYYY-MM-DD. */
  date?: string;
  place?: string;
  speakers?: string[];
  source?: SourceOverride;
  publisher?: string;
  /** YYYY-MM-DD. */
  published?: string;
  tags?: string[];
  slug?: string;
  language?: string;
  aliases?: Record<string, string>;
}

export interface SourceOverride {
  url?: string;
  publisher?: string;
  published?: string;
}

export interface FrontMatter {
  overrides: Overrides;
  /** Text after the front-matter block. */
  body: string;
  /** Number of lines the block took (so body line numbers can point into the original file). */
  lineOffset: number;
  /** The raw block, so fidelity can account for its words. */
  raw: string | null;
  diagnostics: Diagnostic[];
}

/**
 * How one field is read, and what the parser does instead when its value is unusable: a bad field costs that
 * field only, never the rest of the block or the transcript (README, "The transcript format"). Each schema's
 * messages say what is wrong with the value as written.
 */
interface FieldRule<T> {
  schema: z.ZodType<T>;
  instead: string;
}

/** An error message naming the value as written: `"yesterday" is not a date written as YYYY-MM-DD`. */
const says = (what: string | ((input: unknown) => string)) => ({ error: (issue: { input?: unknown }) => `${shown(issue.input)} ${typeof what === "string" ? what : what(issue.input)}` });

const Text = z
  .string(says((v) => `is not text${typeof v === "number" || typeof v === "boolean" ? " (put it in quotes to make it text)" : ""}`))
  .refine((v) => v.trim() !== "", { error: "it is empty" });
// The core YAML schema reads 2020-12-14 as text, so a date always arrives as a string here.
const IsoDate = z
  .string(says("is not a date written as YYYY-MM-DD"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, says("is not a date written as YYYY-MM-DD"))
  .pipe(z.iso.date(says("is not a day of the calendar")));
/** Only http(s): the source becomes a link on the page, where `javascript:` or a relative path must never go. */
const WebAddress = z
  .string(says("is not a web address starting with http:// or https://"))
  .trim()
  .pipe(z.url({ protocol: /^https?$/, ...says("is not a web address starting with http:// or https://") }));
const listOf = <T>(item: z.ZodType<T>, example: string) => z.array(item, says(`is not a list (write it as ${example})`));
/** YAML reads `tags: [2020]` as a number; as a tag it is the same text. */
const Tag = z.preprocess((v) => (typeof v === "number" ? String(v) : v), Text);
const matching = (pattern: RegExp, what: string) => z.string(says(`is not ${what}`)).regex(pattern, says(`is not ${what}`));
const Aliases = z
  .record(z.string(), z.unknown(), says('is not a mapping of names as written to one name (write it as aliases: { "SG": "António Guterres" })'))
  .superRefine((map, ctx) => {
    const [from, to] = Object.entries(map).find(([, v]) => typeof v !== "string" || v.trim() === "") ?? [];
    if (from !== undefined) ctx.addIssue({ code: "custom", message: `the name for "${from}" is ${typeof to === "string" ? "empty" : `${shown(to)}, not text`}` });
  })
  .transform((map) => map as Record<string, string>);

const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;
/** A BCP 47 tag as `<html lang>` takes it: "en", "pt-BR", "zh-Hant", "sr-Latn-RS". */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Every field but `source`, whose parts are read one by one (readSource). */
const FIELDS: { [K in Exclude<keyof Overrides, "source">]-?: FieldRule<NonNullable<Overrides[K]>> } = {
  title: { schema: Text, instead: "the title found in the text is used" },
  subtitle: { schema: Text, instead: "the subtitle found in the text, if any, is used" },
  date: { schema: IsoDate, instead: "the date found in the text, if any, is used" },
  place: { schema: Text, instead: "the place found in the text, if any, is used" },
  speakers: { schema: listOf(Text, "speakers: [Sergey Lavrov]"), instead: "the speakers found in the text are listed" },
  publisher: { schema: Text, instead: "the publisher found in the text, if any, is used" },
  published: { schema: IsoDate, instead: "the publication date found in the text, if any, is used" },
  tags: { schema: listOf(Tag, "tags: [press conference]"), instead: "the transcript has no tags" },
  slug: { schema: matching(SLUG, "lower-case words joined by single hyphens"), instead: "the slug is made from the title" },
  language: { schema: matching(LANGUAGE, "a language code such as en, ru or pt-BR"), instead: "the language detected from the text is used" },
  aliases: { schema: Aliases, instead: "speaker names are read without these aliases" },
};

/** A field's value, or the first thing wrong with it (an item of a list is named by its number). */
function read<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; problem: string } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const item = Array.isArray(value) && typeof issue?.path[0] === "number" ? `item ${issue.path[0] + 1}: ` : "";
  return { ok: false, problem: `${item}${issue?.message ?? "invalid"}` };
}

const SOURCE_INSTEAD = "the source link found in the text, if any, is used";
const KNOWN_FIELDS = [...Object.keys(FIELDS), "source"].join(", ");

const SOURCE_FIELDS: { [K in keyof SourceOverride]-?: FieldRule<string> } = {
  url: { schema: WebAddress, instead: SOURCE_INSTEAD },
  publisher: FIELDS.publisher,
  published: FIELDS.published,
};

export function splitFrontMatter(text: string): FrontMatter {
  const m = text.match(/^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/);
  if (!m) return { overrides: {}, body: text, lineOffset: 0, raw: null, diagnostics: [] };
  const raw = m[0];
  const block = m[1] ?? "";
  // A transcript may open with a rule ("---") that sets its header apart: only a block that starts like fields
  // ("title: ...") is front-matter; anything else is the transcript's own text and is read as such.
  if (!looksLikeFields(block)) return { overrides: {}, body: text, lineOffset: 0, raw: null, diagnostics: [] };
  const lineOffset = raw.split("\n").length - (raw.endsWith("\n") ? 1 : 0);
  const body = text.slice(raw.length);
  let data: unknown;
  try {
    data = yaml.load(block, { schema: yaml.CORE_SCHEMA });
  } catch (err) {
    const line = (err as { mark?: { line?: number } }).mark?.line;
    const diagnostic: Diagnostic = { line: (line ?? 0) + 2, code: "front-matter-yaml", severity: "error", message: `front-matter is not valid YAML (${(err as Error).message.split("\n")[0]}); ignored it` };
    return { overrides: {}, body, lineOffset, raw, diagnostics: [diagnostic] };
  }
  if (data === null || data === undefined) return { overrides: {}, body, lineOffset, raw, diagnostics: [] };
  if (!isMapping(data)) {
    const diagnostic: Diagnostic = { line: 1, code: "front-matter-shape", severity: "warning", message: "front-matter is not a mapping of fields; ignored it" };
    return { overrides: {}, body, lineOffset, raw, diagnostics: [diagnostic] };
  }
  const { overrides, diagnostics } = readFields(data, new KeyLines(block));
  return { overrides, body, lineOffset, raw, diagnostics };
}

/** Empty, or its first line that is not blank or a comment starts with a lower-case key and a colon. */
function looksLikeFields(block: string): boolean {
  const first = block.split("\n").find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  return first === undefined || /^(["']?)[a-z_][a-z0-9_-]*\1[ \t]*:(?:[ \t]|$)/.test(first);
}

/** Every usable field, and one warning for each field that is not, at the line that sets it. */
function readFields(data: Record<string, unknown>, lines: KeyLines): { overrides: Overrides; diagnostics: Diagnostic[] } {
  const overrides: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  const warn = (path: string[], problem: string, instead: string) =>
    diagnostics.push({ line: lines.of(path), code: "front-matter-field", severity: "warning", message: `front-matter field "${path.join(".")}" ignored: ${problem}; ${instead}` });
  for (const [key, value] of Object.entries(data)) {
    if (key === "source") {
      const source = readSource(value, (sub, problem, instead) => warn(sub === null ? [key] : [key, sub], problem, instead));
      if (source) overrides.source = source;
      continue;
    }
    const rule = isField(key) ? (FIELDS[key] as FieldRule<unknown>) : null;
    if (!rule) {
      warn([key], "not a field Verbatim knows", `the fields are ${KNOWN_FIELDS}`);
      continue;
    }
    const r = read(rule.schema, value);
    if (r.ok) overrides[key] = r.value;
    else warn([key], r.problem, rule.instead);
  }
  return { overrides: overrides as Overrides, diagnostics };
}

/** `source:` is a URL or a mapping of url, publisher and published; each of those stands or falls alone. */
function readSource(value: unknown, warn: (sub: string | null, problem: string, instead: string) => void): SourceOverride | null {
  if (typeof value === "string") {
    const url = read(WebAddress, value);
    if (url.ok) return { url: url.value };
    warn(null, url.problem, SOURCE_INSTEAD);
    return null;
  }
  if (!isMapping(value)) {
    warn(null, `${shown(value)} is neither a web address nor a mapping of url, publisher and published`, SOURCE_INSTEAD);
    return null;
  }
  const source: Record<string, string> = {};
  for (const [key, sub] of Object.entries(value)) {
    const rule = Object.hasOwn(SOURCE_FIELDS, key) ? SOURCE_FIELDS[key as keyof SourceOverride] : null;
    if (!rule) {
      warn(key, "not a field of source", "its fields are url, publisher and published");
      continue;
    }
    const r = read(rule.schema, sub);
    if (r.ok) source[key] = r.value;
    else warn(key, r.problem, rule.instead);
  }
  return Object.keys(source).length ? source : null;
}

function isField(key: string): key is keyof typeof FIELDS {
  return Object.hasOwn(FIELDS, key);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as the warning quotes it: short, on one line. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return "no value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const s = typeof value === "string" ? JSON.stringify(value) : String(value);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/**
 * The line of the file on which a field is set, so a warning points at it: a top-level key at the start of a
 * line, a sub-key ("source.published") on an indented line below it. A key written in flow style
 * (`source: { published: x }`) shares its parent's line; one that cannot be found points at the block's start.
 */
class KeyLines {
  private readonly lines: string[];

  constructor(block: string) {
    this.lines = block.split("\n");
  }

  of(path: string[]): number {
    const [top, sub] = path;
    const at = this.lines.findIndex((l) => keyOf(l) === top);
    if (at < 0) return 1;
    if (sub !== undefined) {
      for (let i = at + 1; i < this.lines.length && /^\s/.test(this.lines[i] ?? ""); i++) {
        if (keyOf((this.lines[i] ?? "").trimStart()) === sub) return i + 2;
      }
    }
    // +2: the block starts on the file's second line, after "---".
    return at + 2;
  }
}

/** The key a block-style YAML line starts with ("title: x", "\"title\": x"), or null. */
function keyOf(line: string): string | null {
  const m = line.match(/^(?:"([^"]*)"|'([^']*)'|([^\s"'#:][^:#]*?))\s*:(?:\s|$)/);
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}
