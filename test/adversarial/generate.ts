import { open, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mulberry32 } from "../../bench/corpus.js";

/**
 * The large members of the adversarial corpus, generated at test time instead of committed. Deterministic:
 * a seeded PRNG over a fixed word list, so every run gets the same bytes.
 */

const WORDS = ("relations cooperation security dialogue partners treaty stability region sanctions settlement negotiations " +
  "sovereignty interests position ministry colleagues initiative proposals agreement conference principles " +
  "humanitarian economic strategic bilateral multilateral council resolution consultations").split(" ");

export const HUGE_FILE = "huge-50mb.txt";
export const HUGE_BYTES = 50 * 1024 * 1024;
export const MANY_QUESTIONS_FILE = "ten-thousand-questions.txt";
export const QUESTIONS = 10_000;
export const LONG_PARAGRAPH_FILE = "one-megabyte-paragraph.txt";
export const PARAGRAPH_BYTES = 1024 * 1024;

function words(rnd: () => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ");
}

/** Writes the three large files into `dir`; returns their names. */
export async function generateLargeCorpus(dir: string): Promise<string[]> {
  const rnd = mulberry32(6);

  const qa: string[] = ["Marathon press conference with ten thousand questions, Moscow, December 19, 2019", ""];
  for (let i = 1; i <= QUESTIONS; i++) {
    qa.push(`Question: Number ${i}, about ${words(rnd, 6)}?`, "", `Sergey Lavrov: Answer ${i}. ${words(rnd, 12)}.`, "");
  }
  await writeFile(join(dir, MANY_QUESTIONS_FILE), qa.join("\n"));

  const head = "Statement on a single very long paragraph, Geneva, May 5, 2021\n\nSergey Lavrov: ";
  let body = "";
  while (body.length < PARAGRAPH_BYTES) body += words(rnd, 200) + ". ";
  await writeFile(join(dir, LONG_PARAGRAPH_FILE), `${head}${body.trimEnd()}\n`);

  // 50 MB in 1 MB chunks: the build must refuse it by its size (see README), never read it whole.
  const chunk = Buffer.from(`Question: ${words(rnd, 20)}?\n\nSergey Lavrov: ${words(rnd, 60)}.\n\n`.repeat(2000).slice(0, 1024 * 1024));
  const f = await open(join(dir, HUGE_FILE), "w");
  try {
    for (let written = 0; written < HUGE_BYTES; written += chunk.length) await f.write(chunk);
  } finally {
    await f.close();
  }
  return [MANY_QUESTIONS_FILE, LONG_PARAGRAPH_FILE, HUGE_FILE];
}
