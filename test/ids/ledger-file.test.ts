import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyLedger, LEDGER_FILE, readLedger, removeStaleStaging, stageLedger } from "../../src/ids/ledger-file.js";
import { reconcile } from "../../src/ids/reconcile.js";
import { parseTranscript } from "../../src/parse/parse.js";

const transcript = parseTranscript("Press briefing by the Spokesperson\nMoscow, 12 May 2022\n\nQuestion: What about the grain deal?\n\nMaria Zakharova: Talks go on in Istanbul this week.\n");

describe("the staged id ledger", () => {
  it("is written beside the ledger as a hidden file, and becomes the ledger only when committed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-stage-"));
    const path = join(dir, LEDGER_FILE);
    const staged = await stageLedger(path, reconcile(emptyLedger(), [transcript]).ledger);
    expect(await readdir(dir)).toEqual([`.${LEDGER_FILE}.${process.pid}.tmp`]);
    expect(await staged.commit()).toBe(true);
    expect(await readdir(dir)).toEqual([LEDGER_FILE]);
    expect((await readLedger(path)).transcripts.map((e) => e.url)).toEqual(["/2022/05/12/press-briefing-spokesperson/"]);
    // The same ledger again stages nothing and commits nothing.
    const same = await stageLedger(path, await readLedger(path));
    expect(await readdir(dir)).toEqual([LEDGER_FILE]);
    expect(await same.commit()).toBe(false);
  });

  it("left behind by a build that was killed is removed; one of a build still running is not", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-stale-"));
    const path = join(dir, LEDGER_FILE);
    // The pid of a process that has ended.
    const gone = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).stdout.trim();
    await writeFile(join(dir, `.${LEDGER_FILE}.${gone}.tmp`), "{}");
    await writeFile(join(dir, `.${LEDGER_FILE}.${process.pid}.tmp`), "{}");
    await writeFile(join(dir, ".notes.tmp"), "not ours");
    await removeStaleStaging(path);
    expect((await readdir(dir)).sort()).toEqual([`.${LEDGER_FILE}.${process.pid}.tmp`, ".notes.tmp"]);
  });
});
