// Edit-to-page latency of `verbatim dev` on a site the bench has just built: starts dev on it without a new
// build, edits transcripts one at a time, and times from just before each write until the edited page has been
// rewritten on disk with the new words. Prints "@@edits" with the times.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startDev, type DevOptions, type DevUpdate } from "../src/cli/dev.js";

const { dev, files, site } = JSON.parse(process.argv[2] ?? "{}") as { dev: DevOptions; files: string[]; site: string };
const waiters: ((u: DevUpdate) => void)[] = [];
const session = await startDev({ ...dev, build: false, rebuild: false, port: 0, onUpdate: (u) => waiters.forEach((w) => w(u)), log: (l) => process.stderr.write(`${l}\n`) });
const times: number[] = [];
for (const [i, file] of files.entries()) {
  const path = join(dev.input!, file);
  const original = await readFile(path, "utf8");
  const marker = `Benchmark edit number ${i} changes this answer.`;
  // Into the first answer turn: the words must show on the page, not only in its metadata.
  const edited = original.replace(/\n([A-Z][^\n:]{1,60}): /u, (m) => `${m}${marker} `);
  if (edited === original) throw new Error(`${file}: found no speaker label to edit after`);
  const updated = new Promise<DevUpdate>((resolve) => waiters.push((u) => u.file === file && u.kind === "page" && resolve(u)));
  const t0 = performance.now();
  await writeFile(path, edited);
  const u = await updated;
  const ms = performance.now() - t0;
  const html = await readFile(join(site, u.url!, "index.html"), "utf8");
  if (!html.includes(marker)) throw new Error(`${file}: page ${u.url} was rewritten without the edit`);
  times.push(ms);
  await writeFile(path, original);
  await new Promise<void>((resolve) => waiters.push((u) => u.file === file && u.kind === "page" && resolve()));
}
await session.close();
process.stdout.write(`@@edits ${JSON.stringify(times)}\n`);
