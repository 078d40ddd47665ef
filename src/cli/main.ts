import { parseArgs } from "node:util";
import { build, PublishedError } from "../build/build.js";
import { createProgress, summaryLine } from "../build/progress.js";
import { ConfigError } from "../config/site-config.js";
import { CHECK_USAGE, runCheck } from "./check.js";
import { runDev } from "./dev.js";
import { COMMAND_HELP, version, wantsHelp } from "./help.js";
import { runInspect } from "./inspect.js";

const HELP = `verbatim — transcripts in, a static site with a permanent link to every answer out

Usage:
  verbatim build   [--input DIR] [--out DIR] [--path-prefix /sub/] [--base-url URL] [--strict]
                   [--title TEXT] [--description TEXT] [--language CODE] [--max-file-mb N] [--no-cache]
  ${CHECK_USAGE}
  verbatim dev     [--input DIR] [--out DIR] [--port 8080] [--no-build]   build, serve on 127.0.0.1, rebuild edited pages
  verbatim inspect <file> [--json] [--ledger FILE]   the parsed transcript with the ids the site publishes
                   (from the input folder's id ledger; URL de-duplication across transcripts aside)
  verbatim help [COMMAND]     or: verbatim COMMAND --help
  verbatim --version
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && Object.hasOwn(COMMAND_HELP, command) && wantsHelp(rest)) {
    process.stdout.write(COMMAND_HELP[command]!);
    return 0;
  }
  switch (command) {
    case "build":
      return runBuild(rest);
    case "check":
      return runCheck(rest);
    case "dev":
      return runDev(rest);
    case "inspect":
      return runInspect(rest);
    case "help": {
      const topic = rest[0];
      if (topic === undefined) break;
      if (Object.hasOwn(COMMAND_HELP, topic)) {
        process.stdout.write(COMMAND_HELP[topic]!);
        return 0;
      }
      process.stderr.write(`verbatim help: no command "${topic}"\n\n${HELP}`);
      return 2;
    }
    case "--version":
    case "-v":
    case "version":
      process.stdout.write(`verbatim ${version()}\n`);
      return 0;
    case undefined:
    case "--help":
    case "-h":
      break;
    default:
      process.stderr.write(`verbatim: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
  process.stdout.write(HELP);
  return 0;
}

async function runBuild(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        input: { type: "string" },
        out: { type: "string" },
        "path-prefix": { type: "string" },
        "base-url": { type: "string" },
        title: { type: "string" },
        description: { type: "string" },
        language: { type: "string" },
        strict: { type: "boolean", default: false },
        "max-file-mb": { type: "string" },
        // Parse and render every transcript again instead of reusing the previous build's work.
        "no-cache": { type: "boolean", default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`verbatim build: ${(e as Error).message}\nusage: verbatim build [options]; see verbatim build --help\n`);
    return 2;
  }
  const { values } = parsed;
  const maxMb = values["max-file-mb"] === undefined ? undefined : Number(values["max-file-mb"]);
  if (maxMb !== undefined && !(maxMb > 0)) {
    process.stderr.write(`verbatim build: --max-file-mb needs a positive number of megabytes (got "${values["max-file-mb"]}")\n`);
    return 2;
  }
  // Ctrl-C stops the build at its next step and cleans up (no half-built folder, no staged ledger); a second
  // Ctrl-C quits at once, and the next build removes what that left.
  const controller = new AbortController();
  const interrupt = () => {
    process.stderr.write("\nverbatim build: interrupted; stopping at the next step (Ctrl-C again to quit at once)\n");
    controller.abort(new Error("interrupted"));
    process.once("SIGINT", () => process.exit(130));
  };
  process.once("SIGINT", interrupt);
  let report;
  try {
    report = await build({
      signal: controller.signal,
      input: values.input,
      output: values.out,
      pathPrefix: values["path-prefix"],
      baseUrl: values["base-url"],
      title: values.title,
      description: values.description,
      language: values.language,
      maxFileBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024,
      ...(values["no-cache"] ? { cacheDir: false as const } : {}),
      progress: createProgress(process.stderr),
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`verbatim: ${e.message}\n`);
      return 2;
    }
    if (e instanceof PublishedError) {
      process.stderr.write(`verbatim build: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`verbatim build: failed, the previous site was left as it was: ${(e as Error).message}\n`);
    return controller.signal.aborted ? 130 : 1;
  } finally {
    process.off("SIGINT", interrupt);
  }
  for (const d of report.diagnostics) process.stderr.write(`${d.file}:${d.line}: ${d.severity}: ${d.message}\n`);
  const errors = report.diagnostics.filter((d) => d.severity === "error").length;
  process.stdout.write(`${summaryLine({
    transcripts: report.transcripts.length,
    sections: report.transcripts.reduce((n, t) => n + t.sections, 0),
    pages: report.pages,
    skipped: report.failed.length,
    errors,
    warnings: report.diagnostics.length - errors,
    removed: report.transcripts.reduce((n, t) => n + t.removed.length, 0),
    ms: report.ms,
  })}\n`);
  if (errors > 0) return 1;
  if (values.strict && report.diagnostics.length > 0) return 1;
  return 0;
}
