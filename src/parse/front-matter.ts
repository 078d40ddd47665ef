import yaml from "js-yaml";
import { z } from "zod";
import type { Diagnostic } from "../model/transcript.js";

/** Fields a transcript's own YAML front-matter may set; they override what the parser detects. */
export const OverridesSchema = z
  .object({
    title: z.string(),
    subtitle: z.string(),
    date: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
    place: z.string(),
    speakers: z.array(z.string()),
    source: z.union([z.string().transform((url) => ({ url })), z.object({ url: z.string().optional(), publisher: z.string().optional(), published: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)).optional() })]),
    publisher: z.string(),
    published: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    tags: z.array(z.union([z.string(), z.number()]).transform(String)),
    slug: z.string().regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, "lower-case words joined by single hyphens"),
    language: z.string(),
    aliases: z.record(z.string(), z.string()),
  })
  .partial()
  .strict();
export type Overrides = z.infer<typeof OverridesSchema>;

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

export function splitFrontMatter(text: string): FrontMatter {
  const m = text.match(/^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/);
  if (!m) return { overrides: {}, body: text, lineOffset: 0, raw: null, diagnostics: [] };
  const raw = m[0];
  const lineOffset = raw.split("\n").length - (raw.endsWith("\n") ? 1 : 0);
  const body = text.slice(raw.length);
  const diagnostics: Diagnostic[] = [];
  let data: unknown;
  try {
    data = yaml.load(m[1] ?? "", { schema: yaml.CORE_SCHEMA });
  } catch (err) {
    const line = (err as { mark?: { line?: number } }).mark?.line;
    diagnostics.push({ line: (line ?? 0) + 2, code: "front-matter-yaml", severity: "error", message: `front-matter is not valid YAML (${(err as Error).message.split("\n")[0]}); ignored it` });
    return { overrides: {}, body, lineOffset, raw, diagnostics };
  }
  if (data === null || data === undefined) return { overrides: {}, body, lineOffset, raw, diagnostics };
  const parsed = OverridesSchema.safeParse(data);
  if (parsed.success) return { overrides: parsed.data, body, lineOffset, raw, diagnostics };
  // Keep the fields that are valid; report the rest one by one.
  const overrides: Record<string, unknown> = {};
  if (typeof data === "object" && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const one = OverridesSchema.safeParse({ [key]: value });
      if (one.success) Object.assign(overrides, one.data);
      else diagnostics.push({ line: 1, code: "front-matter-field", severity: "warning", message: `front-matter field "${key}" ignored: ${one.error.issues[0]?.message ?? "invalid"}` });
    }
  } else {
    diagnostics.push({ line: 1, code: "front-matter-shape", severity: "warning", message: "front-matter is not a mapping of fields; ignored it" });
  }
  return { overrides: overrides as Overrides, body, lineOffset, raw, diagnostics };
}
