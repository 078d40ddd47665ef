import type { Section, Transcript, Turn } from "../model/transcript.js";
import { html, type SafeHtml } from "./escape.js";
import { sectionSummary, sectionTitle } from "./summary.js";

/**
 * The Markdown body is a sequence of HTML blocks, one per section, with no blank line inside a block.
 * CommonMark passes an HTML block through untouched, so nothing in a transcript (`# `, `> `, `1. `,
 * `[x](javascript:)`, backslashes, `<script>`) can ever become Markdown or HTML: it is escaped text.
 */
export function renderBody(t: Transcript): string {
  let qaNumber = 0;
  const blocks = t.sections.map((s, i) => {
    const title = s.kind === "qa" ? sectionTitle(s, ++qaNumber) : sectionTitle(s, i);
    return renderSection(s, title).value;
  });
  return blocks.join("\n\n") + "\n";
}

function renderSection(s: Section, title: string): SafeHtml {
  const heading = html`<h2 id="${s.id}" class="section-heading"><a class="anchor" href="#${s.id}">${title}</a>${s.kind === "qa" ? html`<span class="summary">${sectionSummary(s)}</span>` : ""}</h2>`;
  const turns = s.kind === "qa" ? [...s.question, ...s.answer] : s.turns;
  return html`<section class="section ${s.kind}" aria-labelledby="${s.id}" data-section="${s.id}">
${heading}
${turns.map((t) => renderTurn(t))}</section>`;
}

function renderTurn(t: Turn): SafeHtml {
  const who = t.label ?? t.speaker;
  // A newline inside a paragraph could end the HTML block early; the parser never makes one, but the model allows it.
  const paragraphs = t.paragraphs.map((p) => html`<p id="${p.id}" data-line="${p.line}">${p.text.replace(/\s*\n\s*/g, " ")}<a class="plink" href="#${p.id}" aria-label="Link to this paragraph" data-pagefind-ignore>¶</a></p>\n`);
  return html`<div class="turn ${t.role}"${t.speaker ? html` data-speaker="${t.speaker}"` : ""}>
${who ? html`<p class="speaker${t.label === null ? " attributed" : ""}">${who}</p>\n` : ""}${paragraphs}</div>
`;
}
