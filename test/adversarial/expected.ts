/**
 * What the build must do with each member of the adversarial corpus (test/adversarial/corpus plus the
 * large files from generate.ts and the links, pipes and odd names made at test time by the test).
 * `skipped`: not published, with an error whose message matches. `published`: on the site, with at least
 * the diagnostics listed (code and message), and `page` strings that must appear in its HTML.
 */
export type Expected =
  | { outcome: "skipped"; message: RegExp }
  | { outcome: "published"; diagnostics?: { code: string; message: RegExp }[]; page?: string[]; url?: RegExp };

export const EXPECTED: Record<string, Expected> = {
  "empty.txt": { outcome: "skipped", message: /^empty file; skipped$/ },
  "whitespace-only.txt": { outcome: "skipped", message: /^file contains only whitespace; skipped$/ },
  "binary.txt": { outcome: "skipped", message: /^binary data .*not a text transcript; save it as plain text first; skipped$/ },
  "huge-50mb.txt": { outcome: "skipped", message: /^file is 52428800 bytes, over the limit of 10485760 bytes \(10 MB; raise it with --max-file-mb\); skipped$/ },
  "windows-1251.txt": { outcome: "published", diagnostics: [{ code: "encoding", message: /decoded as windows-1251/ }], page: ["С.В.Лавров", "Мы готовы к диалогу без предварительных условий."] },
  "utf-16-bom.txt": { outcome: "published", page: ["Какие вопросы вы обсудили с австрийским коллегой?", "Danube"], url: /^\/2020\/02\/20\// },
  "crlf.txt": { outcome: "published", page: ["Dredging, new terminals and simpler customs rules."], url: /^\/2016\/09\/09\// },
  "html-injection.txt": { outcome: "published", page: ["&lt;script&gt;window.__verbatimPwned", "&lt;img src=x onerror=", "javascript:alert(", "&amp;lt;script&amp;gt; already escaped"] },
  "markdown-and-templates.txt": { outcome: "published", page: ["# Not a heading", "**bold**", "&#123;&#123; 7 * 7 }}", "&#123;% include", "[link text][ref]", "| not | a | table |", "```js"] },
  "yaml-breaking-title.txt": { outcome: "published", diagnostics: [{ code: "front-matter-yaml", message: /not valid YAML.*ignored it/ }], page: ["&quot;Yes&quot;: No --- &amp; * ! % @ ` #hash"] },
  "yaml-valid-tricky.txt": { outcome: "published", page: ["<h1 data-pagefind-meta=\"title\">no</h1>"], url: /^\/2017\/07\/08\/yes-no-on-off\/$/ },
  "right-to-left.txt": { outcome: "published", diagnostics: [{ code: "no-date", message: /no date/ }], page: ["كيف تقيّمون نتائج المحادثات اليوم؟", "מה שלומך היום?"] },
  "emoji.txt": { outcome: "published", page: ["👨‍👩‍👧‍👦", "🇷🇺👍🏽", "#️⃣"] },
  "zero-width.txt": { outcome: "published", page: ["zero\u200Bwidth", "soft\u00ADhyphen", "right\u202Eto\u202Cleft"] },
  // "Heckler (inaudible):" is name-shaped but no known label: warned. "Remark from the floor (inaudible):" is
  // lower-case words, which the parser reads as a sentence with a colon (no warning); its words stay on the page.
  "unrecognised-labels.txt": { outcome: "published", diagnostics: [{ code: "label-not-recognised", message: /"Heckler \(inaudible\):" looks like a speaker label/ }], page: ["Remark from the floor (inaudible): Can you hear me at the back?", "Heckler (inaudible): And at the front?"] },
  "no-date.txt": { outcome: "published", diagnostics: [{ code: "no-date", message: /no date of the event/ }], url: /^\/undated\// },
  "duplicate-a.txt": { outcome: "published", url: /\/foreign-minister-sergey-lavrovs-remarks-answers-media-questions\/$/ },
  "duplicate-b.txt": { outcome: "published", diagnostics: [{ code: "duplicate-url", message: /another transcript already publishes at .*; published at .*-2\/$/ }], url: /-2\/$/ },
  "duplicate-c.txt": { outcome: "published", diagnostics: [{ code: "duplicate-url", message: /published at .*-3\/$/ }], url: /-3\/$/ },
  // Every bad field is ignored on its own, with a warning at its line; the good one (tags) and the text are used.
  "front-matter-bad-values.txt": {
    outcome: "published",
    url: /^\/2021\/03\/03\/briefing-front-matter-values-that-are-not-what-they-claim[^/]*\/$/,
    diagnostics: [
      { code: "front-matter-field", message: /^front-matter field "published" ignored: "yesterday" is not a date written as YYYY-MM-DD; the publication date found in the text, if any, is used$/ },
      { code: "front-matter-field", message: /^front-matter field "date" ignored: "2021-02-30" is not a day of the calendar; the date found in the text, if any, is used$/ },
      { code: "front-matter-field", message: /^front-matter field "source" ignored: "javascript:alert\(document\.domain\)" is not a web address/ },
      { code: "front-matter-field", message: /^front-matter field "speakers" ignored: "Maria Zakharova" is not a list/ },
      { code: "front-matter-field", message: /^front-matter field "language" ignored: "Russian" is not a language code/ },
    ],
    page: ["<article class=\"transcript\" lang=\"en\">", "What happens to a front-matter date that is not a date", "It is refused. A source must be a web address, so no script can hide in the link."],
  },
  "slug-traversal.txt": { outcome: "published", diagnostics: [{ code: "front-matter-field", message: /front-matter field "slug" ignored/ }], url: /^\/2018\/08\/08\/briefing-path-tricks-[^/.]*\/$/ },
  "ten-thousand-questions.txt": { outcome: "published", page: ["Number 10000, about", "Answer 9999."] },
  "one-megabyte-paragraph.txt": { outcome: "published", diagnostics: [{ code: "long-turn", message: /turn of \d+ words/ }] },
  // Made by the test: links, a pipe and odd names cannot be committed portably.
  "link-outside.txt": { outcome: "skipped", message: /^symbolic link pointing outside the input folder \(to .*\); skipped$/ },
  "link-broken.txt": { outcome: "skipped", message: /^broken symbolic link/ },
  "link-to-folder": { outcome: "skipped", message: /^symbolic link to a folder/ },
  "named-pipe.txt": { outcome: "skipped", message: /^not a regular file \(a named pipe\); skipped$/ },
  "\u202Etxt.exe": { outcome: "published", diagnostics: [{ code: "file-name", message: /direction-changing characters \(U\+202E\)/ }] },
  "cafe\u0301 decomposed.txt": { outcome: "published", diagnostics: [{ code: "file-name", message: /not in Unicode NFC form/ }] },
};
