// One full Verbatim build in its own process, so the bench can measure its memory (workers and Pagefind's
// binary included). Prints one "@@stage" line per stage as it ends and "@@done" with the report summary.
import { build, type BuildOptions } from "../src/build/build.js";

const options = JSON.parse(process.argv[2] ?? "{}") as BuildOptions;
const report = await build({
  ...options,
  log: (line) => process.stderr.write(`${line}\n`),
  onStage: (stage, ms, detail) => process.stdout.write(`@@stage ${JSON.stringify({ stage, ms, detail })}\n`),
});
process.stdout.write(`@@done ${JSON.stringify({ transcripts: report.transcripts.length, failed: report.failed.length, pages: report.pages, indexed: report.indexed, ms: report.ms, urls: report.transcripts.map((t) => t.url) })}\n`);
