import { html } from "../../emit/escape.js";
import { AnswerPageDataSchema } from "../../emit/answer-pages.js";
import type { SiteConfig } from "../../config/site-config.js";
import { bibtexCitation, chicagoCitation } from "../citation.js";
import { publicUrl } from "../urls.js";
import { firstWords, formatDate } from "./format.js";
import { shell } from "./shell.js";
import { renderTurns } from "./turns.js";

/**
 * The page of one answer: the question as title and description (so a shared link previews it), the
 * question and answer, a link back into context and a citation with the permanent URL.
 */
export function renderAnswer(data: Record<string, unknown> & { site: SiteConfig }): string {
  const a = AnswerPageDataSchema.parse(pick(data, Object.keys(AnswerPageDataSchema.shape)));
  const t = a.transcript;
  const questionText = a.question.flatMap((q) => q.paragraphs).map((p) => p.text).join(" ").trim() || a.summary;
  const heading = firstWords(questionText, 24);
  const context = `${t.url}#${a.id}`;
  const permanent = publicUrl(data.site, a.permalink);
  const where = [t.place, t.eventDate ? formatDate(t.eventDate) : null].filter(Boolean).join(", ");
  const answeredBy = a.answerers.length ? a.answerers.join(", ") : null;
  const body = html`<article class="answer-page" lang="${t.language}">
<header class="answer-header">
<p class="kicker">Question ${a.number} of ${a.total} · <a href="${t.url}">${t.title}</a></p>
<h1>${heading}</h1>
<p class="item-meta">${[a.asker ? `Asked by ${a.asker}` : null, answeredBy ? `answered by ${answeredBy}` : null].filter(Boolean).join(", ") || "Question and answer"}${where ? ` · ${where}` : ""}</p>
</header>
<section class="section qa" aria-labelledby="question_heading">
<h2 id="question_heading" class="visually-hidden">Question and answer</h2>
${renderTurns(a.question, t.url)}${renderTurns(a.answer, t.url)}</section>
<p class="context-link"><a href="${context}">Read this answer in the full transcript</a></p>
<nav class="pager" aria-label="Other questions in this transcript">
${a.prev ? html`<a class="pager-older" href="${t.url}${a.prev.id}/" rel="prev"><span class="pager-label">Question ${a.prev.number}</span> ${a.prev.summary}</a>` : ""}
${a.next ? html`<a class="pager-newer" href="${t.url}${a.next.id}/" rel="next"><span class="pager-label">Question ${a.next.number}</span> ${a.next.summary}</a>` : ""}
</nav>
<section class="cite" id="cite" aria-labelledby="cite_title" data-permanent="${permanent}">
<h2 id="cite_title">Cite this answer</h2>
<p class="cite-url">Permanent link: <a href="${a.permalink}" class="permalink" data-copy-link>${permanent}</a></p>
<h3>Chicago</h3>
<p class="citation" data-citation="chicago">${chicagoCitation(a, permanent)}</p>
<h3>BibTeX</h3>
<pre class="bibtex" data-citation="bibtex" tabindex="0">${bibtexCitation(a, permanent)}</pre>
</section>
</article>
<p id="copy_status" class="copy-status" role="status" aria-live="polite"></p>
<script type="module" src="/assets/links.js"></script>`;
  return shell({
    site: data.site,
    title: firstWords(questionText, 16),
    description: firstWords(`${a.asker ? `${a.asker}: ` : ""}${questionText}`, 50) + ` (${t.title}${where ? `, ${where}` : ""})`,
    body,
    lang: t.language,
    path: a.permalink,
    ogType: "article",
  });
}

function pick(data: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, data[k]]));
}
