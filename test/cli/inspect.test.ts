import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runInspect } from "../../src/cli/inspect.js";
import { ROOT, SOCHI } from "../support/paths.js";

const run = promisify(execFile);
const BIN = join(ROOT, "bin/verbatim.js");
const FIXTURE = join(ROOT, "test/fixtures/transcripts/white-house-remarks.txt");

async function capture(args: string[]) {
  let out = "", err = "";
  const code = await runInspect(args, { out: (s) => (out += s), err: (s) => (err += s) });
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
    expect(unknown.err).toMatch(/usage: verbatim inspect <file> \[--json\]/);
  });
});
