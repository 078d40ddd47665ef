import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Synthetic raw transcripts shaped like the seeds: a blog-style date line, a title ending in place and date,
 * a publisher line, salutations and opening remarks, "Question:" / "Name:" turns, and a blog footer.
 * Words are drawn from the seeds' own vocabulary with a seeded PRNG, so a corpus is the same bytes every time.
 */

const SEEDS = fileURLToPath(new URL("../content/transcripts/", import.meta.url));
const PLACES = ["Moscow", "Sochi", "Geneva", "New York", "Minsk", "Astana", "Beijing", "Delhi", "Ankara", "Vienna", "Brasilia", "Cairo"];
const SPEAKERS = ["Sergey Lavrov", "Maria Zakharova", "Dmitry Peskov", "Vasily Nebenzya", "Alexander Grushko", "Sergey Ryabkov", "Mikhail Galuzin", "Andrey Rudenko"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let vocabulary: string[] | null = null;
export async function seedVocabulary(): Promise<string[]> {
  if (vocabulary) return vocabulary;
  const texts = await Promise.all(["000_56093277c1406731.txt", "003_9a6e3d35ecff14fb.txt"].map((f) => readFile(join(SEEDS, f), "utf8")));
  vocabulary = texts.join(" ").match(/[A-Za-z][A-Za-z’'-]*/g) ?? ["word"];
  return vocabulary;
}

export interface CorpusOptions {
  /** Approximate words per transcript. */
  words?: number;
  /** Question/answer sections per transcript. */
  questions?: number;
  seed?: number;
}

export function generateTranscript(i: number, vocab: string[], options: CorpusOptions = {}): string {
  const rnd = mulberry32((options.seed ?? 1) * 100_003 + i);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const words = options.words ?? 6000;
  const questions = options.questions ?? 10;
  const sentence = (n: number) => {
    const ws = Array.from({ length: n }, () => pick(vocab));
    const s = ws.join(" ");
    return s.charAt(0).toUpperCase() + s.slice(1) + ".";
  };
  const paragraph = (n: number) => {
    const out: string[] = [];
    let left = n;
    while (left > 0) {
      const k = Math.min(left, 8 + Math.floor(rnd() * 18));
      out.push(sentence(k));
      left -= k;
    }
    return out.join(" ");
  };
  const year = 2000 + Math.floor(rnd() * 26);
  const month = Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const place = pick(PLACES);
  const speaker = pick(SPEAKERS);
  const lines: string[] = [];
  lines.push(`${["Monday", "Tuesday", "Friday"][i % 3]} ${day} ${MONTHS[month]} ${year}`, "");
  const title = `${speaker}’s remarks and answers to questions at meeting number ${i + 1} on ${sentence(4).slice(0, -1).toLowerCase()}, ${place}, ${MONTHS[month]} ${day}, ${year}`;
  lines.push(title, "", "The Ministry of Foreign Affairs of the Russian Federation", "");
  lines.push("Dear colleagues,", "");
  const remarksWords = Math.floor(words * 0.3);
  for (let left = remarksWords; left > 0; left -= 150) lines.push(paragraph(Math.min(150, left)), "");
  const perQa = Math.floor((words - remarksWords) / Math.max(1, questions));
  for (let q = 0; q < questions; q++) {
    lines.push(`Question: ${paragraph(Math.floor(perQa * 0.15)).slice(0, -1)}?`, "");
    const answer = perQa - Math.floor(perQa * 0.15);
    lines.push(`${speaker}: ${paragraph(Math.min(answer, 160))}`, "");
    for (let left = answer - 160; left > 0; left -= 160) lines.push(paragraph(Math.min(160, left)), "");
  }
  lines.push("", "River to Sea Uprooted Palestinian", "The views expressed in this article are the sole responsibility of the author and do not necessarily reflect those of the Blog!", "", "No comments:");
  return lines.join("\n") + "\n";
}

/** Writes `n` transcripts into `dir` (created if needed); returns total bytes written. */
export async function writeCorpus(dir: string, n: number, options: CorpusOptions = {}): Promise<number> {
  await mkdir(dir, { recursive: true });
  const vocab = await seedVocabulary();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = generateTranscript(i, vocab, options);
    bytes += Buffer.byteLength(text);
    await writeFile(join(dir, `t${String(i).padStart(6, "0")}.txt`), text);
  }
  return bytes;
}
