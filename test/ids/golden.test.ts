import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import type { Section } from "../../src/model/transcript.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { launchChromium } from "../support/browser.js";
import { MOSCOW, SOCHI } from "../support/paths.js";
import { buildCorpus, COMMITTED_LEDGER, makeCorpus, readPage, withDom } from "./corpus.js";

/**
 * Every section id of the two sample transcripts, with its paragraph ids (q1 = "--q1" .. "--qN", and so on).
 * These are published links: a change here breaks them. Never edit this list to make a test pass.
 */
const GOLDEN: Record<string, { url: string; sections: string[] }> = {
  [SOCHI]: {
    url: "/2018/02/07/foreign-minister-sergey-lavrovs-remarks-answers-questions-meeting-finalists-leaders-russia-contest/",
    sections: [
      "remarks p55",
      "you-have-mentioned-our-relations-with q1 a5",
      "the-public-in-european-countries-believes q1 a2",
      "diplomacy-as-i-see-it-is q1 a2",
      "our-country-is-always-deceived-by q1 a2",
    ],
  },
  [MOSCOW]: {
    url: "/2020/10/05/foreign-minister-sergey-lavrovs-remarks-answers-questions-meeting-members-association-european-businesses/",
    sections: [
      "remarks p27",
      "there-is-a-saying-in-my q1 a9",
      "we-have-noticed-these-concerns-regarding q1 a1",
      "lets-hope-that-partner-dancing-will q1 a2",
      "i-would-like-to-get-back q1 a2",
      "i-can-see-that-russia-is q1 a2",
      "the-government-of-the-russian-federation q1 a2",
      "when-we-discuss-relaxing-the-border q1 a1",
      "we-are-witnessing-the-us-administration q1 a6",
      "the-impact-of-geopolitics-on-de q1 a6",
      "as-you-may-be-aware-turkey q1 a4",
      "more-than-a-year-ago-now q1 a3",
      "the-international-community-failed-to-prevent q1 a6",
      "first-of-all-i-would-like q1 a1",
    ],
  },
};

/** "id q1 a5" -> the section id followed by all its paragraph ids, in page order. */
const expand = (golden: string[]): string[] =>
  golden.flatMap((line) => {
    const [id, ...counts] = line.split(" ");
    return [id as string, ...counts.flatMap((c) => Array.from({ length: Number(c.slice(1)) }, (_, i) => `${id}--${c[0]}${i + 1}`))];
  });

const idsOf = (sections: Section[]): string[] =>
  sections.flatMap((s) => [s.id, ...(s.kind === "qa" ? [...s.question, ...s.answer] : s.turns).flatMap((t) => t.paragraphs.map((p) => p.id))]);

async function parseFile(path: string) {
  const d = decode(await readFile(path));
  if (!d.ok) throw new Error(d.reason);
  return parseTranscript(d.text);
}

describe("golden ids of the sample transcripts", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the parser issues exactly the golden section and paragraph ids", async () => {
    for (const [file, golden] of Object.entries(GOLDEN)) expect(idsOf((await parseFile(file)).sections)).toEqual(expand(golden.sections));
  });

  it("a build with the committed ledger publishes exactly them, and leaves the ledger as committed", async () => {
    const files = Object.fromEntries(await Promise.all(Object.keys(GOLDEN).map(async (f) => [f.split("/").pop() as string, await readFile(f, "utf8")])));
    const corpus = await makeCorpus(files, COMMITTED_LEDGER);
    const site = await buildCorpus(corpus);
    for (const golden of Object.values(GOLDEN)) {
      const html = await readPage(site, golden.url);
      const ids = await withDom(browser, html, (page) => page.evaluate(() => [...document.querySelectorAll(".sections [id]")].map((e) => e.id)));
      expect(ids).toEqual(expand(golden.sections));
    }
    // The committed ledger is current: rebuilding the samples changes nothing in it.
    expect(await readFile(corpus.ledgerFile, "utf8")).toBe(await readFile(COMMITTED_LEDGER, "utf8"));
  });
});
