import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadSiteConfig } from "../config/site-config.js";
import { lintTranscripts } from "../gates/lint.js";

export const CHECK_USAGE = "verbatim check [DIR|FILE] [--strict] [--max-file-mb N]";

export interface CheckIo {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
  cwd: string;
}

/** `verbatim check`: lint transcripts without building. Exit 1 on errors, or on warnings with --strict; 2 on usage errors. */
export async function runCheck(args: string[], io: CheckIo = { out: process.stdout, err: process.stderr, cwd: process.cwd() }): Promise<number> {
  const { out, err } = io;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { strict: { type: "boolean", default: false }, "max-file-mb": { type: "string" } } });
  } catch (e) {
    err.write(`verbatim check: ${(e as Error).message}\nusage: ${CHECK_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    err.write(`verbatim check: one folder or file at a time (got ${positionals.length})\nusage: ${CHECK_USAGE}\n`);
    return 2;
  }
  const maxMb = values["max-file-mb"] === undefined ? undefined : Number(values["max-file-mb"]);
  if (maxMb !== undefined && !(maxMb > 0)) {
    err.write(`verbatim check: --max-file-mb needs a positive number of megabytes (got "${values["max-file-mb"]}")\nusage: ${CHECK_USAGE}\n`);
    return 2;
  }
  let site;
  try {
    site = loadSiteConfig(io.cwd);
  } catch (e) {
    err.write(`verbatim check: ${(e as Error).message}\n`);
    return 2;
  }
  const target = resolve(io.cwd, positionals[0] ?? site.input);
  if (!existsSync(target)) {
    err.write(`verbatim check: ${positionals[0] ?? site.input}: no such file or folder\nusage: ${CHECK_USAGE}\n`);
    return 2;
  }
  const result = await lintTranscripts(target, { aliases: site.aliases, maxBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024 });
  for (const d of result.diagnostics) out.write(`${d.file}:${d.line}: ${d.severity}: ${d.message}\n`);
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.length - errors;
  err.write(`checked ${result.files} file(s): ${errors} error(s), ${warnings} warning(s)\n`);
  if (errors > 0) return 1;
  if (values.strict && warnings > 0) return 1;
  return 0;
}
