import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import { emptyLedger, LEDGER_FILE, writeLedger } from "../../src/ids/ledger-file.js";
import { reconcile } from "../../src/ids/reconcile.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { generateLargeCorpus } from "../adversarial/generate.js";
import { CORPUS } from "../gates/adversarial-build.js";
import { ROOT, SEEDS_DIR } from "../support/paths.js";

async function check(args: string[], cwd = ROOT) {
  let out = "", err = "";
  const code = await runCheck(args, { cwd, out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
  return { code, out, err, lines: out.split("\n").filter(Boolean) };
}

describe("verbatim check", () => {
  it("passes the two sample transcripts, even with --strict", async () => {
    const r = await check([SEEDS_DIR, "--strict"]);
    expect(r.lines).toEqual([]);
    expect(r.err).toBe("checked 2 file(s): 0 error(s), 0 warning(s)\n");
    expect(r.code).toBe(0);
  });

  it("reads the folder from verbatim.config.json when none is given", async () => {
    expect((await check([])).err).toMatch(/^checked 2 file\(s\)/);
  });

  it("lints the adversarial corpus as file:line: severity: message, and exits 1 on its errors", async () => {
    const r = await check([CORPUS]);
    expect(r.code).toBe(1);
    for (const l of r.lines) expect(l).toMatch(/^[^:]+:\d+: (?:warning|error): \S/);
    const want = [
      /^empty\.txt:0: error: empty file; the build would skip it$/,
      /^whitespace-only\.txt:0: error: file contains only whitespace/,
      /^binary\.txt:0: error: binary data/,
      /^windows-1251\.txt:0: warning: not UTF-8; decoded as windows-1251/,
      /^no-date\.txt:1: warning: no date of the event/,
      /^unrecognised-labels\.txt:9: warning: "Heckler \(inaudible\):" looks like a speaker label but was not recognised/,
      /^duplicate-c\.txt:1: error: same text as duplicate-a\.txt/,
      /^duplicate-b\.txt:1: warning: nearly the same text as duplicate-a\.txt \(\d+% of passages shared\)/,
      /^zero-width\.txt:1: warning: contains invisible or direction-changing characters \(U\+200B, .*U\+202E/,
      /^yaml-breaking-title\.txt:2: error: front-matter is not valid YAML/,
      /^front-matter-bad-values\.txt:2: warning: front-matter field "published" ignored: "yesterday" is not a date written as YYYY-MM-DD; the publication date found in the text, if any, is used$/,
      /^front-matter-bad-values\.txt:4: warning: front-matter field "source" ignored: "javascript:alert\(document\.domain\)" is not a web address/,
    ];
    for (const w of want) expect(r.lines, String(w)).toContainEqual(expect.stringMatching(w));
    // Emoji use the zero-width joiner properly; that is not an encoding problem.
    expect(r.lines.filter((l) => l.startsWith("emoji.txt"))).toEqual([]);
    expect(r.err).toMatch(/^checked 20 file\(s\): \d+ error\(s\), \d+ warning\(s\)\n$/);
  });

  it("flags mojibake and replacement characters, and exits 1 on warnings only with --strict", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-check-"));
    await writeFile(join(dir, "mojibake.txt"), "Foreign Ministerâ€™s remarks, Moscow, March 3, 2021\n\nQuestion: Whatâ€™s next?\n\nSergey Lavrov: We will see what happens next, as always.\n");
    await writeFile(join(dir, "lost.txt"), "Remarks at a caf\uFFFD, Paris, June 4, 2021\n\nQuestion: Why?\n\nSergey Lavrov: Because the bytes were lost before we got them.\n");
    const r = await check([dir]);
    expect(r.code).toBe(0);
    expect(r.lines).toContainEqual(expect.stringMatching(/^mojibake\.txt:1: warning: looks like UTF-8 text that was decoded as Windows-1252/));
    expect(r.lines).toContainEqual(expect.stringMatching(/^lost\.txt:1: warning: contains U\+FFFD replacement characters/));
    expect((await check([dir, "--strict"])).code).toBe(1);
    expect((await check([join(dir, "lost.txt"), "--strict"])).lines).toHaveLength(1);
  });

  it("says which transcript the build would move off its URL, as the build decides it with the id ledger", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-check-url-"));
    // Two sessions of one briefing, saved under the same title: one URL, two different transcripts.
    const head = "Press briefing by the Spokesperson\nMoscow, 12 May 2022\n\n";
    const morning = `${head}Question: What about the grain deal?\n\nMaria Zakharova: Talks go on in Istanbul this week.\n`;
    const evening = `${head}Question: And the embassy in Kyiv?\n\nMaria Zakharova: It will reopen when it is safe to do so.\n`;
    await writeFile(join(dir, "a-morning.txt"), morning);
    await writeFile(join(dir, "b-evening.txt"), evening);
    const r = await check([dir, "--strict"]);
    expect(r.lines).toEqual(["b-evening.txt:0: warning: another transcript already publishes at /2022/05/12/press-briefing-spokesperson/; published at /2022/05/12/press-briefing-spokesperson-2/"]);
    expect(r.code).toBe(1);
    expect((await check([dir])).code).toBe(0);
    // The evening session was published first: its URL stays with it, the morning one moves.
    await writeLedger(join(dir, LEDGER_FILE), reconcile(emptyLedger(), [parseTranscript(evening)]).ledger);
    expect((await check([dir])).lines).toEqual([expect.stringMatching(/^a-morning\.txt:0: warning: another transcript already publishes at \/2022\/05\/12\/press-briefing-spokesperson\/; published at .*-2\/$/)]);
    // A damaged ledger is an error the build would stop on, reported with the rest, not a crash.
    await writeFile(join(dir, LEDGER_FILE), '{"version": 2, "transcripts": [');
    const damaged = await check([dir]);
    expect(damaged.code).toBe(1);
    expect(damaged.lines).toEqual([
      expect.stringMatching(/^\.ledger\.json:0: error: the id ledger is not valid JSON \(.*\); fix it or restore it from version control; the build would stop on it \(URLs were checked without it\)$/),
      expect.stringMatching(/^b-evening\.txt:0: warning: another transcript already publishes at/),
    ]);
  });

  it("gives clear usage errors with exit code 2", async () => {
    const missing = await check(["no/such/folder"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^verbatim check: no\/such\/folder: no such file or folder\nusage: verbatim check/);
    const flag = await check(["--strcit"]);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/Unknown option '--strcit'[^]*usage: verbatim check/);
    expect((await check(["a", "b"])).err).toMatch(/one folder or file at a time/);
    expect((await check(["--max-file-mb", "lots"])).err).toMatch(/--max-file-mb needs a positive number/);
  });

  it("flags the generated giants: a 1 MB single turn as suspiciously long, a 50 MB file as over the limit", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-check-large-"));
    await generateLargeCorpus(dir);
    const r = await check([dir]);
    expect(r.code).toBe(1);
    expect(r.lines).toContainEqual(expect.stringMatching(/^one-megabyte-paragraph\.txt:3: warning: turn of \d+ words \(over \d+\); a speaker label may have been missed$/));
    expect(r.lines).toContainEqual(expect.stringMatching(/^huge-50mb\.txt:0: error: file is 52428800 bytes, over the limit of 10485760 bytes; the build would skip it$/));
    expect(r.lines.filter((l) => l.startsWith("ten-thousand-questions.txt"))).toEqual([]);
  });

  it("refuses a file over the size limit without reading it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verbatim-check-size-"));
    await writeFile(join(dir, "big.txt"), `Big, Moscow, March 3, 2021\n\n${"Question: Why? Sergey Lavrov: Because. ".repeat(40_000)}\n`);
    const r = await check([dir, "--max-file-mb", "1"]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/^big\.txt:0: error: file is \d+ bytes, over the limit of 1048576 bytes; the build would skip it$/)]);
  });
});
