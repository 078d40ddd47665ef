import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTranscript } from "../../src/ingest/read-transcript.js";

const dir = mkdtempSync(join(tmpdir(), "verbatim-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readTranscript", () => {
  it("says plainly why a file cannot be read", async () => {
    expect(await readTranscript(join(dir, "missing.txt"))).toEqual({ ok: false, reason: "cannot read file: no such file" });
    expect(await readTranscript(dir)).toEqual({ ok: false, reason: "not a regular file" });
    writeFileSync(join(dir, "empty.txt"), "");
    expect(await readTranscript(join(dir, "empty.txt"))).toEqual({ ok: false, reason: "empty file" });
    writeFileSync(join(dir, "blank.txt"), " \r\n\t\n");
    expect(await readTranscript(join(dir, "blank.txt"))).toEqual({ ok: false, reason: "file contains only whitespace" });
  });

  it("refuses a file over the size limit without reading it", async () => {
    writeFileSync(join(dir, "big.txt"), "Question: Why?\n".repeat(100));
    const r = await readTranscript(join(dir, "big.txt"), 1000);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe("file is 1500 bytes, over the limit of 1000 bytes");
  });

  it("reads and normalises a Windows-saved transcript", async () => {
    writeFileSync(join(dir, "win.txt"), Buffer.from("\uFEFFTalks in Minsk\r\nMinsk, 12 February 2015\r\n\r\nQuestion:\u00A0Is there a deal?\r\n", "utf8"));
    const r = await readTranscript(join(dir, "win.txt"));
    expect(r.ok && r.text).toBe("Talks in Minsk\nMinsk, 12 February 2015\n\nQuestion: Is there a deal?\n");
  });
});
