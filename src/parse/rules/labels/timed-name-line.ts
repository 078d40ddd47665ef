import type { LabelRule } from "../../labels.js";
import { ROLE_NAMES, looksLikeName } from "../../label-names.js";

/** "Linda Park  0:09", "Speaker 1  00:01:02": a name and a time alone on the line, the words on the next. */
const TIMED_NAME = /^(?<name>\p{Lu}[^:\d()\[\]]{0,48}?(?:\s\d{1,2})?)\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?)$/u;

/**
 * The label line of automatic-transcription exports. A name followed by a time could be a heading
 * ("Press Briefing 10:30"), so the name must be established: it recurs as a label, or it is "Speaker N".
 */
export const timedNameLine: LabelRule = {
  name: "timed-name-line",
  match(text, ctx) {
    const m = text.match(TIMED_NAME);
    const name = m?.groups?.name?.trim();
    if (!name) return null;
    if (!ROLE_NAMES.test(name) && !(ctx.known.has(name.toLowerCase()) && looksLikeName(name))) return null;
    return { ok: true, label: { raw: text, name, note: null, role: null, rest: "", rule: "timed-name-line" } };
  },
};
