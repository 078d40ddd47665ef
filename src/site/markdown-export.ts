import yaml from "js-yaml";
import type { SiteConfig } from "../config/site-config.js";
import type { Turn } from "../model/transcript.js";
import type { Published } from "./published.js";
import { publicUrl } from "./urls.js";

/**
 * Transcript text as Markdown text: every character that could start markup is backslash-escaped (CommonMark
 * lets any ASCII punctuation be escaped), so a Markdown renderer shows exactly the words of the source.
 */
export function escapeMarkdown(text: string): string {
  const inline = text
    .replace(/\s*\n\s*/gu, " ")
    .trim()
    .replace(/[\\`*_[\]<>&|~{}#]/gu, (c) => `\\${c}`);
  // Line starts: block quotes, list items, thematic breaks, setext underlines, ordered-list numbers.
  return inline.replace(/^([>+=-])/u, "\\$1").replace(/^(\d+)([.)])/u, "$1\\$2");
}

function turn(t: Turn): string {
  const who = t.label ?? t.speaker;
  // A label is kept as written, colon included ("Question:"); a speaker name alone gets one.
  const head = who ? `**${escapeMarkdown(who)}${/[:：][\s*_]*$/u.test(who) ? "" : ":"}**\n\n` : "";
  return head + t.paragraphs.map((p) => escapeMarkdown(p.text)).join("\n\n");
}

/** The per-transcript Markdown download (index.md next to the page): front-matter, then the sections in order. */
export function transcriptMarkdown(site: Pick<SiteConfig, "baseUrl" | "pathPrefix">, p: Published): string {
  const t = p.t;
  const meta = {
    title: t.title,
    ...(t.subtitle ? { subtitle: t.subtitle } : {}),
    date: t.date,
    place: t.place,
    speakers: t.speakers,
    source: t.source,
    language: t.language,
    url: publicUrl(site, p.path),
  };
  const parts = [`---\n${yaml.dump(meta, { lineWidth: -1, noRefs: true, sortKeys: false, quotingType: '"' })}---`, `# ${escapeMarkdown(t.title)}`];
  let qa = 0;
  for (const [i, s] of t.sections.entries()) {
    if (s.kind === "remarks") {
      parts.push(`## ${i === 0 ? "Opening remarks" : "Remarks"}`, ...s.turns.map(turn));
    } else {
      qa++;
      parts.push(`## Question ${qa}`, `[Permanent link](<${publicUrl(site, `${p.path}${s.id}/`)}>)`, ...s.question.map(turn), ...s.answer.map(turn));
    }
  }
  return parts.join("\n\n") + "\n";
}
