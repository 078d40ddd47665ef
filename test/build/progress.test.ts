import { describe, expect, it } from "vitest";
import { createProgress, summaryLine } from "../../src/build/progress.js";

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 60, write: (c: string) => chunks.push(c) } };
}

describe("build progress", () => {
  it("prints a handful of plain lines per stage in CI, however many files", () => {
    const { chunks, stream } = sink(true);
    const p = createProgress(stream, { CI: "true" });
    p.stage("reading", 1000);
    for (let i = 1; i <= 1000; i++) p.tick(i, `file-${i}.txt`);
    p.note("rendered 1000 page(s)");
    expect(chunks).toEqual(["reading: 0/1000\n", "reading: 250/1000\n", "reading: 500/1000\n", "reading: 750/1000\n", "reading: 1000/1000\n", "rendered 1000 page(s)\n"]);
  });

  it("redraws one bar in place on a terminal and clears it before other output", () => {
    const { chunks, stream } = sink(true);
    const p = createProgress(stream, {});
    p.stage("reading", 4);
    p.tick(2, "b.txt");
    p.note("done reading");
    p.end();
    expect(chunks[1]).toBe("\r\x1b[2Kreading [############------------] 2/4 b.txt");
    expect(chunks.slice(2)).toEqual(["\r\x1b[2K", "done reading\n"]);
    expect(chunks.join("")).not.toMatch(/\n.*\n.*reading \[/);
  });

  it("ends with a summary of transcripts, sections, warnings, removed lines and time", () => {
    expect(summaryLine({ transcripts: 20, sections: 10_045, pages: 22, skipped: 8, errors: 9, warnings: 1, removed: 3, ms: 7049 }))
      .toBe("built 20 transcripts, 10,045 sections, 22 pages; 8 files skipped, 9 errors, 1 warning, 3 removed lines; 7.0 s");
  });
});
