import { html, type SafeHtml } from "../emit/escape.js";
import { answerUrl } from "../emit/answer-pages.js";

/**
 * Adds a "copy link" control under each section heading of the emitted body (src/emit/body.ts). Without
 * JavaScript it is a plain link: to the answer's own page for a question, to the anchor for remarks. With
 * JavaScript (assets/links.js) a click copies that link instead. The body's markup is fixed by the emit
 * stage and all transcript text in it is escaped, so a heading can be found by its tag.
 */
export function addSectionTools(content: string, transcriptUrl: string, sections: { id: string; kind: string; title: string }[]): string {
  const byId = new Map(sections.map((s) => [s.id, s]));
  return content.replace(/<h2 id="([^"]+)" class="section-heading">[\s\S]*?<\/h2>/gu, (heading, id: string) => {
    const s = byId.get(id);
    if (!s) return heading;
    return `${heading}\n${tools(s, transcriptUrl).value}`;
  });
}

function tools(s: { id: string; kind: string; title: string }, transcriptUrl: string): SafeHtml {
  if (s.kind !== "qa") {
    return html`<p class="section-tools" data-pagefind-ignore="all"><a class="copy-link" href="#${s.id}" data-copy-link>Link<span class="visually-hidden"> to ${s.title}</span></a></p>`;
  }
  const page = answerUrl(transcriptUrl, s.id);
  return html`<p class="section-tools" data-pagefind-ignore="all"><a class="copy-link" href="${page}" data-copy-link>Link<span class="visually-hidden"> to ${s.title}</span></a> <a class="cite-link" href="${page}#cite">Cite<span class="visually-hidden"> ${s.title}</span></a></p>`;
}
