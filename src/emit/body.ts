import type { Section, Transcript, Turn } from "../model/transcript.js";
import { html, type SafeHtml } from "./escape.js";
import { sectionSummary, sectionTitle } from "./summary.js";

/** Old ids that lead into this page's sections (from the id ledger, src/ids/reconcile.ts). */
export interface BodyLinks {
  aliasAnchors: Record<string, string[]>;
  formerParagraphs: Record<string, string[]>;
}

const NO_LINKS: BodyLinks = { aliasAnchors: {}, formerParagraphs: {} };

/**
 * The Markdown body is a sequence of HTML blocks, one per section, with no blank line inside a block.
 * CommonMark passes an HTML block through untouched, so nothing in a transcript (`# `, `> `, `1. `,
 * `[x](javascript:)`, backslashes, `<script>`) can ever become Markdown or HTML: it is escaped text.
 */
export function renderBody(t: Transcript, links: BodyLinks = NO_LINKS): string {
  let qaNumber = 0;
  const blocks = t.sections.map((s, i) => {
    const title = s.kind === "qa" ? sectionTitle(s, ++qaNumber) : sectionTitle(s, i);
    return renderSection(s, title, links.aliasAnchors[s.id] ?? [], links.formerParagraphs[s.id] ?? []).value;
  });
  return blocks.join("\n\n") + "\n";
}

/**
 * An old id (aliases, paragraphs a corrected section no longer has) is an empty element inside the section it
 * leads to: the browser scrolls to it for #old-id with no script, and :target styling reaches the section.
 */
const anchor = (id: string): SafeHtml => html`<span id="${id}" class="id-alias" aria-hidden="true"></span>`;

function renderSection(s: Section, title: string, aliases: string[], former: string[]): SafeHtml {
  const heading = html`<h2 id="${s.id}" class="section-heading"><a class="anchor" href="#${s.id}">${title}</a>${s.kind === "qa" ? html`<span class="summary">${sectionSummary(s)}</span>` : ""}</h2>`;
  const turns = s.kind === "qa" ? [...s.question, ...s.answer] : s.turns;
  return html`<section class="section ${s.kind}" aria-labelledby="${s.id}" data-section="${s.id}">
${aliases.length ? html`${aliases.map(anchor)}\n` : ""}${heading}
${turns.map((t) => renderTurn(t))}${former.length ? html`${former.map(anchor)}\n` : ""}</section>`;
}

function renderTurn(t: Turn): SafeHtml {
  const who = t.label ?? t.speaker;
  // escapeHtml writes line breaks as character references, so no text can end the HTML block early.
  const paragraphs = t.paragraphs.map((p) => html`<p id="${p.id}" data-line="${p.line}">${p.text}<a class="plink" href="#${p.id}" aria-label="Link to this paragraph" data-pagefind-ignore>¶</a></p>\n`);
  return html`<div class="turn ${t.role}"${t.speaker ? html` data-speaker="${t.speaker}"` : ""}>
${who ? html`<p class="speaker${t.label === null ? " attributed" : ""}">${who}</p>\n` : ""}${paragraphs}</div>
`;
}
