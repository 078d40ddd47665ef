import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SEEDS_DIR = join(ROOT, "content/transcripts");
export const SOCHI = join(SEEDS_DIR, "000_56093277c1406731.txt");
export const MOSCOW = join(SEEDS_DIR, "003_9a6e3d35ecff14fb.txt");
