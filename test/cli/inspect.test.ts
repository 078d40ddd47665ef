import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { build, LEDGER_FILE } from "../../src/build/build.js";
import { runInspect } from "../../src/cli/inspect.js";
import type { Transcript } from "../../src/model/transcript.js";
import { MOSCOW, ROOT, SOCHI } from "../support/paths.js";

const run = promisify(execFile);
const BIN = join(ROOT, "bin/verbatim.js");
const FIXTURE = join(ROOT, "test/fixtures/transcripts/white-house-remarks.txt");

async function capture(args: string[], root = ROOT) {
  let out = "", err = "";
  const code = await runInspect(args, { out: (s) => (out += s), err: (s) => (err += s) }, root);
  return { code, out, err };
}

describe("verbatim inspect", () => {
  it("prints the parsed transcript as JSON through the real command line", async () => {
    const { stdout } = await run(process.execPath, [BIN, "inspect", SOCHI, "--json"], { cwd: ROOT });
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ date: "2018-02-07", place: "Sochi", speakers: ["Sergey Lavrov"], encoding: "utf-8" });
    expect(json.source.url).toMatch(/^http:\/\/www\.mid\.ru\//);
    expect(json.sections.map((s: { kind: string }) => s.kind)).toEqual(["remarks", "qa", "qa", "qa", "qa"]);
    expect(json.sections[1]).toMatchObject({ kind: "qa", id: "you-have-mentioned-our-relations-with" });
    expect(json.sections[1].question[0]).toMatchObject({ label: "Question:", speaker: null });
    expect(json.sections[1].answer[0].speaker).toBe("Sergey Lavrov");
    expect(json.removed).toEqual([
      expect.objectContaining({ line: 3, rule: "separator" }),
      expect.objectContaining({ line: 74, rule: "separator", text: "* * * * *" }),
    ]);
    expect(json.warnings).toEqual([]);
  });

  it("prints a readable outline without --json", async () => {
    const { code, out } = await capture([FIXTURE]);
    expect(code).toBe(0);
    expect(out).toContain("Remarks by President Biden Before Marine One Departure");
    expect(out).toMatch(/date\s+2023-10-13/);
    expect(out).toMatch(/speakers\s+President Biden/);
    expect(out).toContain("Sections: 4 (3 question/answer)");
    expect(out).toContain("#mr-president-have-you-spoken-to");
    expect(out).toMatch(/20 {2}\[time-of-day\] 9:55 A\.M\. EDT/);
  });

  it("prints warnings as file:line on stderr", async () => {
    const file = join(ROOT, "test/fixtures/transcripts/panel-undated-editors-note.txt");
    const { code, err } = await capture([file]);
    expect(code).toBe(0);
    expect(err).toContain(`${file}:17: warning: "Chen:" looks like a speaker label`);
  });

  it("gives a clear message and exit code 1 for a missing file, with no stack trace", async () => {
    const missing = join(ROOT, "no-such-transcript.txt");
    const result = await run(process.execPath, [BIN, "inspect", missing, "--json"], { cwd: ROOT }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toBe(`${missing}: error: cannot read file: no such file\n`);
  });

  it("refuses wrong usage with exit code 2", async () => {
    expect((await capture([])).code).toBe(2);
    expect((await capture([SOCHI, FIXTURE])).code).toBe(2);
    const unknown = await capture([SOCHI, "--yaml"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/usage: verbatim inspect <file> \[--json\] \[--ledger FILE\]/);
  });
});

describe("verbatim inspect with an id ledger", () => {
  // A project of its own: its config names the input folder whose ledger a real build wrote, before a
  // correction reworded one question and dropped another section.
  let project = "";
  let input = "";
  let ledgerFile = "";
  let ledgerBefore = "";
  let site = "";
  const edited = join("in", "moscow.txt");
  const REWORDED = "there-is-a-saying-in-my";
  const NATURAL = "there-is-a-proverb-in-my";
  const DELETED = "when-we-discuss-relaxing-the-border";

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "verbatim-inspect-"));
    input = join(project, "in");
    await mkdir(input);
    await copyFile(MOSCOW, join(input, "moscow.txt"));
    await copyFile(SOCHI, join(input, "sochi.txt"));
    await writeFile(join(project, "verbatim.config.json"), JSON.stringify({ input: "in" }));
    const quick = (out: string) => ({ root: ROOT, input, output: join(project, out), workDir: join(project, `${out}-pages`), reportFile: join(project, `${out}.json`), cacheDir: false as const, searchIndex: false });
    await build(quick("site-before"));
    ledgerFile = join(input, LEDGER_FILE);
    ledgerBefore = await readFile(ledgerFile, "utf8");
    expect(ledgerBefore).toContain(`"id":"${REWORDED}"`);
    const text = await readFile(MOSCOW, "utf8");
    // The seed has a no-break space after "Question:"; \s matches it.
    const corrected = text
      .replace("There is a saying in my native German language", "There is a proverb in my native German language")
      .split(/(?=^Question:\s)/m).filter((c) => !/^Question:\s+When we discuss relaxing/.test(c)).join("");
    expect(corrected).not.toBe(text);
    await writeFile(join(input, "moscow.txt"), corrected);
    // What the site publishes after the correction; its ledger is a copy, so the inspected one stays as it was.
    const copy = join(project, "ledger-copy.json");
    await copyFile(ledgerFile, copy);
    const after = await build({ ...quick("site-after"), ledgerFile: copy });
    site = join(project, "site-after", after.transcripts.find((t) => t.file === "moscow.txt")?.url ?? "/missing/");
  }, 240_000);

  const publishedIds = async (): Promise<string[]> => (JSON.parse(await readFile(join(site, "index.json"), "utf8")) as { transcript: Transcript }).transcript.sections.map((s) => s.id);

  it("shows the ids the site publishes, not the parser's, and never writes the ledger", async () => {
    const { stdout, stderr } = await run(process.execPath, [BIN, "inspect", edited], { cwd: project });
    expect(stdout).toContain("  ids        as published: reconciled with the id ledger in/.ledger.json\n");
    expect(stdout).toMatch(new RegExp(`^  1\\. #${REWORDED}\\n {7}id kept from an earlier build \\(the parser alone would give #${NATURAL}\\)$`, "m"));
    expect(stdout).not.toMatch(new RegExp(`^  \\d+\\. #${NATURAL}$`, "m"));
    // The dropped section's links lead on; inspect says where, as the site's redirect page does.
    expect(stdout).toMatch(new RegExp(`^ {7}old #${DELETED} leads here$`, "m"));
    expect(stdout).toMatch(new RegExp(`^  /\\S+/${DELETED}/ -> /\\S+/we-are-witnessing-the-us-administration/$`, "m"));
    expect(stderr).not.toMatch(/ledger/);
    expect(await readFile(ledgerFile, "utf8")).toBe(ledgerBefore);
    expect(await readFile(join(site, "index.html"), "utf8")).toContain(`id="${REWORDED}"`);
  });

  it("gives --json the published ids, exactly those of the built page", async () => {
    const { stdout } = await run(process.execPath, [BIN, "inspect", edited, "--json"], { cwd: project });
    const ids = (JSON.parse(stdout) as Transcript).sections.map((s) => s.id);
    expect(ids).toEqual(await publishedIds());
    expect(ids).toContain(REWORDED);
    expect(ids).not.toContain(NATURAL);
    const paragraphs = (JSON.parse(stdout) as Transcript).sections.find((s) => s.id === REWORDED);
    expect(paragraphs?.kind === "qa" && paragraphs.question[0]?.paragraphs[0]?.id).toBe(`${REWORDED}--q1`);
  });

  it("reads the ledger named by --ledger, wherever the configuration points", async () => {
    const elsewhere = join(project, "elsewhere.json");
    await copyFile(ledgerFile, elsewhere);
    const { code, out, err } = await capture([join(project, edited), "--json", "--ledger", elsewhere]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as Transcript).sections.map((s) => s.id)).toEqual(await publishedIds());
    expect(err).toBe("");
  });

  it("warns about a damaged ledger and shows the parser's ids, without failing", async () => {
    const damaged = join(project, "damaged.json");
    await writeFile(damaged, ledgerBefore.slice(0, ledgerBefore.length / 2));
    const r = await run(process.execPath, [BIN, "inspect", edited, "--ledger", "damaged.json"], { cwd: project });
    expect(r.stderr).toMatch(/^warning: .*damaged\.json: the id ledger is not valid JSON .*; showing the parser's ids, which may differ from the site's$/m);
    expect(r.stdout).toMatch(new RegExp(`^  1\\. #${NATURAL}$`, "m"));
    expect(r.stdout).not.toContain("as published");
    expect(await readFile(damaged, "utf8")).toBe(ledgerBefore.slice(0, ledgerBefore.length / 2));
  });

  it("shows the parser's ids when there is no ledger, quietly unless one was named", async () => {
    const fresh = await mkdtemp(join(tmpdir(), "verbatim-inspect-"));
    await writeFile(join(fresh, "verbatim.config.json"), JSON.stringify({ input: "nothing-built-yet" }));
    const quiet = await capture([join(project, edited)], fresh);
    expect(quiet.out).toMatch(new RegExp(`^  1\\. #${NATURAL}$`, "m"));
    expect(quiet.out).not.toContain("ledger");
    expect(quiet.err).toBe("");
    const named = await capture([join(project, edited), "--ledger", "no-such-ledger.json"], fresh);
    expect(named.out).toMatch(new RegExp(`^  1\\. #${NATURAL}$`, "m"));
    expect(named.err).toBe(`warning: ${join(fresh, "no-such-ledger.json")}: no such id ledger; showing the parser's ids\n`);
  });
});
