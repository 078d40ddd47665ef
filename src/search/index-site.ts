import * as pagefind from "pagefind";

export interface RenderedPage {
  /** Output path relative to the output folder, e.g. "2020/10/05/slug/index.html". */
  path: string;
  content: string;
}

export interface IndexReport {
  pages: number;
  errors: string[];
}

/**
 * Indexes the HTML Eleventy just rendered (not whatever sits in an output folder) and writes the Pagefind
 * bundle to `bundleDir`. Pages opt in with data-pagefind-body, so home, search and archive pages stay out.
 */
export async function indexSite(pages: RenderedPage[], bundleDir: string): Promise<IndexReport> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: undefined });
  if (!index) return { pages: 0, errors };
  const allErrors = [...errors];
  let count = 0;
  try {
    for (const page of [...pages].sort((a, b) => a.path.localeCompare(b.path))) {
      if (!page.path.endsWith(".html")) continue;
      const res = await index.addHTMLFile({ sourcePath: page.path, content: page.content });
      allErrors.push(...res.errors);
      count++;
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    allErrors.push(...written.errors);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
  return { pages: count, errors: allErrors };
}
