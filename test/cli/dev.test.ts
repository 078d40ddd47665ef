import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { build } from "../../src/build/build.js";
import { startDev, type DevSession, type DevUpdate } from "../../src/cli/dev.js";
import { MOSCOW, ROOT, SOCHI } from "../support/paths.js";

const MOSCOW_URL = "2020/10/05/foreign-minister-sergey-lavrovs-remarks-answers-questions-meeting-members-association-european-businesses";

/** Resolves with the first update from index `from` on that `match` accepts. */
function nextUpdate(updates: DevUpdate[], waiters: ((u: DevUpdate) => void)[], match: (u: DevUpdate) => boolean, from = 0): Promise<DevUpdate> {
  const seen = updates.slice(from).find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => waiters.push((u) => match(u) && resolve(u)));
}

describe("verbatim dev", () => {
  let session: DevSession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it("rewrites an edited transcript's page, byte for byte what a full build makes, and serves it on 127.0.0.1", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "verbatim-dev-"));
    const input = join(tmp, "in");
    await writeCorpus(input, 3, { words: 600, questions: 3, seed: 11 });
    await copyFile(SOCHI, join(input, "sochi.txt"));
    await copyFile(MOSCOW, join(input, "moscow.txt"));
    const updates: DevUpdate[] = [];
    const waiters: ((u: DevUpdate) => void)[] = [];
    session = await startDev({
      root: ROOT, input, output: join(tmp, "site"), workDir: join(tmp, "pages"), cacheDir: join(tmp, "cache"), reportFile: join(tmp, "report.json"),
      port: 0, rebuildDelayMs: 300,
      onUpdate: (u) => { updates.push(u); for (const w of waiters) w(u); },
    });
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const before = await fetch(`${session.url}${MOSCOW_URL}/`);
    expect(before.status).toBe(200);
    expect(await before.text()).not.toContain("Brand-new sentence");

    // Markup typed into a transcript is text: it must arrive escaped. (The seed has a no-break space after the label.)
    const edited = (await readFile(MOSCOW, "utf8")).replace(/Sergey Lavrov:\s/u, "Sergey Lavrov: Brand-new sentence with <b>tags</b> and {{ braces }}. ");
    await writeFile(join(input, "moscow.txt"), edited);
    const page = await nextUpdate(updates, waiters, (u) => u.kind === "page" && u.file === "moscow.txt");
    expect(page.url).toBe(`/${MOSCOW_URL}/`);
    const served = await (await fetch(`${session.url}${MOSCOW_URL}/`)).text();
    expect(served).toContain("Brand-new sentence with &lt;b&gt;tags&lt;/b&gt; and &#123;&#123; braces }}.");

    // The fast path must agree exactly with a full build of the edited archive (run once dev's own background
    // rebuild is done: two builds at once in one process would share Pagefind's backend).
    await nextUpdate(updates, waiters, (u) => u.kind === "rebuilt", updates.indexOf(page));
    // Dev reads the id ledger but never writes it (not even in its background rebuilds): ids are published by a build.
    expect(existsSync(join(input, ".ledger.json"))).toBe(false);
    const full = join(tmp, "full");
    await build({ root: ROOT, input, output: full, pathPrefix: "/", workDir: join(tmp, "full-pages"), reportFile: join(tmp, "full.json"), cacheDir: false });
    expect(served).toBe(await readFile(join(full, MOSCOW_URL, "index.html"), "utf8"));
    // So must its answer pages (one per question, ids as the full build gives them) and its data files.
    const answers = (await readdir(join(full, MOSCOW_URL), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(answers.length).toBeGreaterThan(3);
    for (const id of answers) {
      expect(await (await fetch(`${session.url}${MOSCOW_URL}/${id}/`)).text(), id).toBe(await readFile(join(full, MOSCOW_URL, id, "index.html"), "utf8"));
    }
    for (const data of ["index.json", "index.md"]) {
      expect(await (await fetch(`${session.url}${MOSCOW_URL}/${data}`)).text(), data).toBe(await readFile(join(full, MOSCOW_URL, data), "utf8"));
    }

    // A new title moves the page: the old URL goes away, the new one appears, and the background rebuild
    // brings the home page up to date. The full build above wrote the id ledger: dev applies it (the old URL
    // becomes a former URL of this transcript) without writing it, and its page is what a full build with that
    // ledger makes.
    const ledger = await readFile(join(input, ".ledger.json"), "utf8");
    const mark = updates.length;
    // One word of a question changes too: its natural id would change, but the ledger keeps the published one.
    const renamed = edited.replaceAll("Association of European Businesses in Russia", "Association of Renamed Businesses").replace("There is a saying in my native", "There is a proverb in my native");
    await writeFile(join(input, "moscow.txt"), renamed);
    const moved = await nextUpdate(updates, waiters, (u) => u.kind === "page" && u.file === "moscow.txt" && u.url !== page.url, mark);
    expect(moved.url).toContain("association-renamed-businesses");
    const movedPage = await (await fetch(`${session.url}${moved.url!.slice(1)}`)).text();
    expect((await fetch(`${session.url}${MOSCOW_URL}/`)).status).toBe(404);
    expect(movedPage).toContain("Brand-new sentence");
    expect(movedPage).toContain("There is a proverb in my native");
    expect(movedPage).toMatch(/ id="[^"]*there-is-a-saying-in/);
    expect(movedPage).not.toMatch(/ id="[^"]*there-is-a-proverb/);
    await nextUpdate(updates, waiters, (u) => u.kind === "rebuilt", updates.indexOf(moved));
    const home = await (await fetch(session.url)).text();
    expect(home).toContain(`href="${moved.url}"`);
    expect(home).not.toContain(`href="/${MOSCOW_URL}/"`);
    expect(await readFile(join(input, ".ledger.json"), "utf8")).toBe(ledger);
    const full2 = join(tmp, "full2");
    await build({ root: ROOT, input, output: full2, pathPrefix: "/", workDir: join(tmp, "full2-pages"), reportFile: join(tmp, "full2.json"), cacheDir: false });
    expect(movedPage).toBe(await readFile(join(full2, moved.url!.slice(1), "index.html"), "utf8"));
    expect(await readFile(join(input, ".ledger.json"), "utf8")).toContain(`"formerUrls": ["/${MOSCOW_URL}/"]`);

    // A deleted transcript's page is removed.
    await rm(join(input, "sochi.txt"));
    const removed = await nextUpdate(updates, waiters, (u) => u.kind === "removed" && u.file === "sochi.txt");
    expect((await fetch(`${session.url}${removed.url!.slice(1)}`)).status).toBe(404);
  });
});
