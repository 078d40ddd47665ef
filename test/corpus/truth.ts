import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { decode } from "../../src/ingest/decode.js";
import { ROOT } from "../support/paths.js";

/** A truth file as test/corpus/README.md defines it; validated so that a typo in one fails loudly. */
export const TruthSchema = z.object({
  kind: z.string().min(1),
  origin: z.string().min(1),
  note: z.string().optional(),
  title: z.string().min(1).nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  place: z.array(z.string().min(1)).min(1).nullable(),
  speakers: z.array(z.string().min(1)),
  turns: z.array(
    z.object({
      speaker: z.string().min(1).nullable(),
      label: z.string().nullable(),
      role: z.enum(["remarks", "question", "answer"]),
      first: z.string().min(1),
    }),
  ),
});
export type Truth = z.infer<typeof TruthSchema>;

export interface CorpusEntry {
  name: string;
  set: "dev" | "held-back";
  file: string;
  text: string;
  truth: Truth;
}

export const CORPUS_DIR = join(ROOT, "test/corpus");

/** Every transcript of one set (or both) with its truth, sorted by name. */
export function loadCorpus(sets: ("dev" | "held-back")[] = ["dev", "held-back"]): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const set of sets) {
    const dir = join(CORPUS_DIR, set);
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()) {
      const name = f.replace(/\.txt$/, "");
      const file = join(dir, f);
      const decoded = decode(readFileSync(file));
      if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
      const truthFile = join(dir, `${name}.truth.json`);
      const parsed = TruthSchema.safeParse(JSON.parse(readFileSync(truthFile, "utf8")));
      if (!parsed.success) throw new Error(`${truthFile}: ${parsed.error.message}`);
      out.push({ name, set, file, text: decoded.text, truth: parsed.data });
    }
  }
  return out;
}
