// The baseline: bare Eleventy 3 over the raw transcripts as Markdown pages, Liquid pre-processing off, and a
// layout that is nothing but an HTML document around the content (so Pagefind's CLI has pages to index).
export default function (eleventyConfig) {
  eleventyConfig.setQuietMode(true);
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addTemplate("_includes/base.11ty.js", {
    render: (data) => `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${data.title}</title></head>\n<body>\n<main>\n${data.content}\n</main>\n</body>\n</html>\n`,
  });
  return { markdownTemplateEngine: false, htmlTemplateEngine: false, templateFormats: ["md", "11ty.js"] };
}
