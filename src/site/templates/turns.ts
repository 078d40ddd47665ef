import { html, type SafeHtml } from "../../emit/escape.js";
import type { Turn } from "../../model/transcript.js";

/**
 * Turns rendered like the emit stage renders them on the transcript page (same classes), for pages that
 * build from data: `linkBase` is where the paragraph anchors live (the transcript page).
 */
export function renderTurns(turns: Turn[], linkBase: string): SafeHtml {
  return html`${turns.map((t) => {
    const who = t.label ?? t.speaker;
    return html`<div class="turn ${t.role}"${t.speaker ? html` data-speaker="${t.speaker}"` : ""}>
${who ? html`<p class="speaker${t.label === null ? " attributed" : ""}">${who}</p>\n` : ""}${t.paragraphs.map((p) => html`<p data-line="${p.line}">${p.text.replace(/\s*\n\s*/g, " ")}<a class="plink" href="${linkBase}#${p.id}" aria-label="This paragraph in the full transcript">¶</a></p>\n`)}</div>
`;
  })}`;
}
