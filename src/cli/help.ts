import { readFileSync } from "node:fs";
import { CHECK_USAGE } from "./check.js";

/** What `verbatim <command> --help` prints: the usage line, what the command does, each option. */
export const COMMAND_HELP: Record<string, string> = {
  build: `usage: verbatim build [options]

Reads the transcripts, publishes the site (pages, feeds, JSON data, search index) and records the
published ids in the id ledger. The previous site is replaced only when the build succeeds.

  --input DIR          transcripts folder (default: content/transcripts, or "input" in verbatim.config.json)
  --out DIR            site folder (default: _site)
  --path-prefix /sub/  publish under a sub-path of the host (see the README, "Deploying under a sub-path")
  --base-url URL       the site's public address, for feeds, sitemap and canonical links
  --title TEXT         the site's title
  --description TEXT   the site's description
  --language CODE      the site's language (default: en)
  --max-file-mb N      skip transcript files larger than N MB (default: 10)
  --no-cache           parse and render every transcript again instead of reusing the last build's work
  --strict             exit 1 when there is any warning, not only on errors
`,
  check: `${CHECK_USAGE.replace(/^verbatim/, "usage: verbatim")}

Lints transcripts without building: everything the build would warn about, plus encoding trouble,
invisible characters, duplicates and URLs two transcripts would share. Exit 1 on errors.

  DIR|FILE             what to check (default: the input folder)
  --max-file-mb N      report files larger than N MB as unreadable (default: 10)
  --strict             exit 1 on warnings too
`,
  dev: `usage: verbatim dev [options]

Builds, serves the site on 127.0.0.1 and rewrites an edited transcript's pages within a fraction of a
second. Reads the id ledger but never writes it.

  --input DIR          transcripts folder
  --out DIR            site folder (default: _site)
  --port N             port to serve on (default: 8080; one in use stops dev with exit code 2)
  --no-build           serve the site as it is, without building first
`,
  inspect: `usage: verbatim inspect FILE [--json] [--ledger FILE]

Shows how one transcript is read: header, metadata, turns, sections and the ids the site publishes for
them (reconciled with the id ledger; URL de-duplication across transcripts aside).

  --json               the parsed transcript as JSON (see the README, "inspect --json output")
  --ledger FILE        the id ledger to reconcile with (default: the input folder's)
`,
};

/** Whether the arguments ask for help: --help or -h before any "--". */
export function wantsHelp(args: string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
