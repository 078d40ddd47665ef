import { html } from "../../emit/escape.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { SpeakerItem } from "../collections.js";
import { formatDate, plural } from "./format.js";
import { shell } from "./shell.js";

function counts(s: { answers: number; questions: number }): string {
  return [s.answers ? plural(s.answers, "answer") : null, s.questions ? plural(s.questions, "question") + " asked" : null].filter(Boolean).join(", ") || "remarks only";
}

/** /speakers/: every named speaker, with how many transcripts and answers. */
export function renderSpeakers(data: { site: SiteConfig; speakers: SpeakerItem[] }): string {
  const body = html`<h1>Speakers</h1>
${data.speakers.length ? html`<ul class="speaker-list">
${data.speakers.map((s) => html`<li><a href="${s.url}">${s.name}</a> <span class="item-meta">${plural(s.transcripts.length, "transcript")} · ${counts(s)}</span></li>\n`)}</ul>` : html`<p>No named speakers yet.</p>`}`;
  return shell({ site: data.site, title: "Speakers", body, path: "/speakers/", current: "speakers" });
}

/** /speakers/<slug>/: one speaker's transcripts, newest first, with their answers in each. */
export function renderSpeaker(data: { site: SiteConfig; speaker: SpeakerItem }): string {
  const s = data.speaker;
  const body = html`<h1>${s.name}</h1>
<p class="item-meta">${plural(s.transcripts.length, "transcript")} · ${counts(s)}</p>
<ul class="transcript-list">
${s.transcripts.map((x) => html`<li><a href="${x.transcript.url}">${x.transcript.title}</a> <span class="item-meta">${formatDate(x.transcript.eventDate)}${x.transcript.place ? ` · ${x.transcript.place}` : ""} · ${counts(x)}</span>
${x.answered.length ? html`<details class="answered"><summary>Questions answered</summary><ol>${x.answered.map((q) => html`<li value="${q.number}"><a href="${q.url}">${q.summary}</a></li>`)}</ol></details>` : ""}</li>
`)}</ul>`;
  return shell({ site: data.site, title: s.name, body, path: s.url, current: "speakers", description: `Transcripts with ${s.name}: ${plural(s.transcripts.length, "transcript")}, ${counts(s)}.` });
}
