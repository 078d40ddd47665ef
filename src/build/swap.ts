import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";

/** Replaces `outDir` with `partial` by two renames, so readers never see a half-written site. */
export async function swapIn(partial: string, outDir: string): Promise<void> {
  const old = `${outDir}.old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(outDir)) await rename(outDir, old);
  await rename(partial, outDir);
  await rm(old, { recursive: true, force: true });
}
