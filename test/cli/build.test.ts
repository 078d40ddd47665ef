import { spawn, spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { CORPUS } from "../gates/adversarial-build.js";
import { ROOT } from "../support/paths.js";

function verbatim(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/verbatim.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("verbatim build on the command line", () => {
  it("builds the adversarial corpus, prints plain progress, one line per diagnostic and a summary, and exits 1 for the skipped files", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-cli-"));
    const out = join(tmp, "site");
    // A build records its ids in the input folder's ledger: work on a copy, never on the committed corpus.
    const input = join(tmp, "corpus");
    await cp(CORPUS, input, { recursive: true });
    const r = verbatim(["build", "--input", input, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain("\r");
    expect(r.err).toMatch(/^reading: 0\/20$/m);
    expect(r.err).toMatch(/^reading: 20\/20$/m);
    expect(r.err).toMatch(/^empty\.txt:0: error: empty file; skipped$/m);
    expect(r.err).toMatch(/^front-matter-bad-values\.txt:3: warning: front-matter field "date" ignored: "2021-02-30" is not a day of the calendar; the date found in the text, if any, is used$/m);
    expect(r.out).toMatch(/^built 17 transcripts, \d+ sections, 55 pages; 3 files skipped, \d+ errors, \d+ warnings, \d+ removed lines?; \d+\.\d s\n$/m);
  });

  it("keeps unchanged transcripts' pages on a second build into the same folder, and renders everything with --no-cache", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-cli-"));
    const out = join(tmp, "site");
    const input = join(tmp, "corpus");
    await cp(CORPUS, input, { recursive: true });
    const first = verbatim(["build", "--input", input, "--out", out]);
    expect(first.err).not.toMatch(/kept from the previous build/);
    const second = verbatim(["build", "--input", input, "--out", out]);
    expect(second.err).toMatch(/^rendered \d+ page\(s\), of which the pages of 17 unchanged transcript\(s\) were kept from the previous build$/m);
    const untimed = (out: string) => out.replace(/\d+\.\d s\n$/, "");
    expect(untimed(second.out)).toBe(untimed(first.out));
    const cold = verbatim(["build", "--input", input, "--out", out, "--no-cache"]);
    expect(cold.err).not.toMatch(/kept from the previous build/);
    expect(cold.err).toMatch(/^rendered \d+ page\(s\)$/m);
  });

  it("says clearly what is wrong with its arguments", () => {
    const bad = verbatim(["build", "--max-file-mb", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--max-file-mb needs a positive number/);
    const unknown = verbatim(["build", "--outt", "x"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^verbatim build: Unknown option '--outt'\nusage: verbatim build \[options\]; see verbatim build --help\n$/);
  });
});

describe("Ctrl-C during a build", () => {
  it("stops at the next step, leaves no half-built folder and no staged ledger, and exits 130", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-sigint-"));
    const input = join(tmp, "transcripts");
    // Enough transcripts that rendering takes a few seconds, so the interrupt lands mid-build.
    await writeCorpus(input, 120, { words: 3000, questions: 8, seed: 7 });
    const child = spawn(process.execPath, [join(ROOT, "bin/verbatim.js"), "build", "--input", input, "--out", join(tmp, "site")], { cwd: tmp, env: { ...process.env, CI: "true" } });
    let err = "";
    let sent = false;
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      if (!sent && /^rendering pages: /m.test(err)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(sent).toBe(true);
    expect(err).toMatch(/verbatim build: interrupted; stopping at the next step/);
    expect(err).toMatch(/verbatim build: failed, the previous site was left as it was: interrupted\n$/);
    expect(code).toBe(130);
    expect(await readdir(tmp)).not.toContain("site.partial");
    expect(await readdir(tmp)).not.toContain("site");
    expect((await readdir(input)).filter((f) => f.startsWith("."))).toEqual([]);
  }, 120_000);
});

describe("help and version on the command line", () => {
  it("explains each command's options with --help, -h or help COMMAND, and exits 0 without doing anything", () => {
    for (const command of ["build", "check", "dev", "inspect"]) {
      const help = verbatim([command, "--help"]);
      expect(help.code, command).toBe(0);
      expect(help.out).toMatch(new RegExp(`^usage: verbatim ${command}\\b`));
      expect(verbatim(["help", command]).out).toBe(help.out);
      expect(verbatim([command, "-h"]).out).toBe(help.out);
    }
    // Every option the build accepts is explained.
    const build = verbatim(["build", "--help"]).out;
    for (const option of ["--input", "--out", "--path-prefix", "--base-url", "--title", "--description", "--language", "--max-file-mb", "--no-cache", "--strict"]) expect(build).toContain(`  ${option}`);
  });

  it("prints the version, and refuses help on a command that does not exist", async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(verbatim(["--version"])).toEqual({ code: 0, out: `verbatim ${version}\n`, err: "" });
    for (const word of ["publish", "constructor", "toString"]) {
      const nope = verbatim(["help", word]);
      expect(nope.code, word).toBe(2);
      expect(nope.err).toMatch(new RegExp(`^verbatim help: no command "${word}"`));
    }
    expect(verbatim(["toString", "--help"]).err).toMatch(/^verbatim: unknown command "toString"/);
  });
});
