import { parseArgs } from "node:util";
import { build } from "../build/build.js";
import { runDev } from "./dev.js";

const HELP = `verbatim — transcripts in, a static site with a permanent link to every answer out

Usage:
  verbatim build   [--input DIR] [--out DIR] [--path-prefix /sub/] [--base-url URL] [--strict]
  verbatim dev     [--input DIR] [--out DIR] [--port 8080] [--no-build]   build, serve on 127.0.0.1, rebuild edited pages
  verbatim inspect <file> [--json]
  verbatim help
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "build":
      return runBuild(rest);
    case "dev":
      return runDev(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`verbatim: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

async function runBuild(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: "string" },
      out: { type: "string" },
      "path-prefix": { type: "string" },
      "base-url": { type: "string" },
      strict: { type: "boolean", default: false },
    },
  });
  const report = await build({
    input: values.input,
    output: values.out,
    pathPrefix: values["path-prefix"],
    baseUrl: values["base-url"],
    log: (line) => process.stderr.write(`${line}\n`),
  });
  for (const d of report.diagnostics) process.stderr.write(`${d.file}:${d.line}: ${d.severity}: ${d.message}\n`);
  const removed = report.transcripts.reduce((n, t) => n + t.removed.length, 0);
  const sections = report.transcripts.reduce((n, t) => n + t.sections, 0);
  process.stdout.write(`built ${report.transcripts.length} transcript(s), ${sections} section(s), ${report.pages} page(s); ${report.diagnostics.length} diagnostic(s), ${removed} removed line(s) in ${(report.ms / 1000).toFixed(1)} s\n`);
  const errors = report.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) return 1;
  if (values.strict && report.diagnostics.length > 0) return 1;
  return 0;
}
