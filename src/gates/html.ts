import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import type { GateResult } from "./gate.js";
import { sampleNote, samplePages } from "./site-files.js";

/**
 * html-validate's recommended rules (HTML5 validity, accessibility, security such as inline handlers), less
 * two matters of taste: `doctype-style` (lower-case `<!doctype html>` is valid HTML5) and `long-title`
 * (search-engine advice; transcripts have long official titles and the page title must be the real one).
 */
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "doctype-style": "off", "long-title": "off" } });

/** html-validate needs minutes for a 15 MB page (10,000 sections); past this size a page is validated trimmed. */
const FULL_LIMIT = 2 * 1024 * 1024;
/** Sections (and contents entries) kept from each end of a trimmed page. */
const KEEP = 150;

/**
 * Every page of the built site through html-validate; each error reported as page:line:column rule message.
 * With `answerSample`, answer pages are sampled (that many per transcript, see samplePages) and every other
 * page is validated; the unit says how many of how many.
 * A page over FULL_LIMIT is validated with its repeated parts (sections, contents entries) cut to the
 * first and last KEEP: the same templates and the same kinds of element, in reasonable time. The unit
 * says how many pages were trimmed.
 */
export async function validateHtml(siteDir: string, options: { answerSample?: number } = {}): Promise<GateResult> {
  const sample = await samplePages(siteDir, options.answerSample);
  const failures: string[] = [];
  let trimmed = 0;
  for (const page of sample.pages) {
    let doc = await readFile(join(siteDir, page), "utf8");
    if (doc.length > FULL_LIMIT) {
      doc = trimRepeats(doc);
      trimmed++;
    }
    const report = await validator.validateString(doc, page);
    for (const r of report.results) for (const m of r.messages) failures.push(`${page}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
  }
  const notes = [sampleNote(sample).trim().replace(/^\(|\)$/g, ""), trimmed ? `${trimmed} over ${FULL_LIMIT / 1024 / 1024} MB with their repeated sections trimmed to the first and last ${KEEP}` : ""].filter(Boolean);
  const unit = `pages validated${notes.length ? ` (${notes.join("; ")})` : ""}`;
  return { gate: "html", unit, count: sample.pages.length, failures };
}

/** Drops the middle of long runs of sections and contents entries; line numbers then refer to the trimmed page. */
export function trimRepeats(doc: string): string {
  const keepEnds = (pattern: RegExp) => {
    const total = doc.match(pattern)?.length ?? 0;
    let i = 0;
    doc = doc.replace(pattern, (m) => (i++ < KEEP || i > total - KEEP ? m : ""));
  };
  keepEnds(/<li class="qa">.*?<\/li>/g);
  keepEnds(/<section class="section [^]*?<\/section>\n*/g);
  return doc;
}
