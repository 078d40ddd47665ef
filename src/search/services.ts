import * as pagefind from "pagefind";

export type PagefindApi = typeof pagefind;

/**
 * Pagefind's Node API drives one indexing binary per instance of its module, and one binary indexes on one
 * core. A second instance of the same module file (imported under another URL) launches a binary of its own,
 * so two parts of the split index are built at once on two cores. Where the runtime cannot resolve the module
 * URL, indexing simply runs on one binary.
 */
export async function pagefindServices(count: number): Promise<PagefindApi[]> {
  const apis: PagefindApi[] = [pagefind];
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve !== "function") return apis;
  for (let i = 1; i < count; i++) {
    try {
      apis.push((await import(/* @vite-ignore */ `${resolve("pagefind")}?service=${i}`)) as PagefindApi);
    } catch {
      break;
    }
  }
  return apis;
}
