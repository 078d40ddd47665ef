import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTranscripts } from "../../src/build/load.js";
import { ROOT } from "../support/paths.js";

describe("loading transcripts", () => {
  it("reports every warning of a transcript that has 200,000 of them, and loads it", async () => {
    // The adversarial corpus's unrecognised label, on every line of a 7.8 MB file (under the 10 MB limit):
    // each is a label-not-recognised warning, which once overflowed the call stack and failed the build.
    const corpus = await readFile(join(ROOT, "test/adversarial/corpus/unrecognised-labels.txt"), "utf8");
    const heckler = corpus.split("\n").find((l) => l.startsWith("Heckler (inaudible):"));
    expect(heckler).toBeDefined();
    const input = join(await mkdtemp(join(tmpdir(), "verbatim-load-")), "in");
    await mkdir(input);
    await writeFile(join(input, "hecklers.txt"), `${corpus}\n${`${heckler}\n`.repeat(200_000)}`);
    const loaded = await loadTranscripts(input, { workers: 0 });
    expect(loaded.failed).toEqual([]);
    expect(loaded.parsed).toHaveLength(1);
    expect(loaded.diagnostics.filter((d) => d.code === "label-not-recognised").length).toBeGreaterThan(200_000);
  }, 60_000);
});
