import { mkdir, mkdtemp, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/build/build.js";
import { ROOT } from "../support/paths.js";

// Two briefings a ministry published under the same title on the same day, as reposts often have them.
const ENERGY = `Press conference, Moscow, October 5, 2020

Question: The second question is about energy. Will the gas transit agreement be extended after December?

Maria Zakharova: The talks on transit continue. Our position on the pipeline has not changed, and we expect the partners to honour the contracts they signed.
`;
const TRADE = `Press conference, Moscow, October 5, 2020

Question: The first question is about trade. How will the new customs rules affect European exporters?

Maria Zakharova: The rules apply to everyone equally. Exporters who registered before the summer will see no change in the procedures at the border.
`;

describe("two transcripts at one URL", () => {
  it("leave a published URL with the transcript that had it when a file is added or renamed", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-dupes-"));
    const input = join(tmp, "in");
    const site = join(tmp, "site");
    const run = () => build({ root: ROOT, input, output: site, workDir: join(tmp, "pages"), reportFile: join(tmp, "report.json"), ledgerFile: join(tmp, "ledger.json"), searchIndex: false });
    const page = async (url: string) => readFile(join(site, url, "index.html"), "utf8");
    await mkdir(input);
    await writeFile(join(input, "dup_b.txt"), ENERGY);
    const first = await run();
    const energyUrl = first.transcripts[0]!.url;
    expect(await page(energyUrl)).toContain("gas transit agreement");

    // A new file with the same title sorts first by name: it must not take the published URL.
    await writeFile(join(input, "dup_a.txt"), TRADE);
    const second = await run();
    const urlOf = (r: typeof second, file: string) => r.transcripts.find((t) => t.file === file)!.url;
    expect(urlOf(second, "dup_b.txt")).toBe(energyUrl);
    expect(urlOf(second, "dup_a.txt")).toBe(energyUrl.replace(/\/$/, "-2/"));
    expect(await page(energyUrl)).toContain("gas transit agreement");
    expect(await page(energyUrl)).not.toContain("customs rules");
    expect(second.diagnostics.filter((d) => d.code === "duplicate-url").map((d) => d.file)).toEqual(["dup_a.txt"]);

    // Renaming either file changes nothing that was published.
    await rename(join(input, "dup_a.txt"), join(input, "z_dup_a.txt"));
    await rename(join(input, "dup_b.txt"), join(input, "a_dup_b.txt"));
    const third = await run();
    expect(urlOf(third, "a_dup_b.txt")).toBe(energyUrl);
    expect(urlOf(third, "z_dup_a.txt")).toBe(urlOf(second, "dup_a.txt"));
    expect(await page(urlOf(third, "z_dup_a.txt"))).toContain("customs rules");
  });
});
