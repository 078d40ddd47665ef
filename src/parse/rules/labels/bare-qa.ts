import type { Label, LabelRule } from "../../labels.js";
import { hasRoleWord } from "../../speakers.js";
import { colonLabel } from "./colon-label.js";

/** "Q" / "A" without a colon but followed by a space and text: "Q Why...?" / "Q. Why...?" */
const BARE_QA_RE = /^(?<raw>(?<name>Q|A)\.?)\s+(?<rest>\S.*)$/u;
/** "A. Lukashenko:", "Q. Wang Yi (China):": an initial, one to three capitalised words, a label's colon. */
const INITIAL_A_OR_Q = /^[AQ]\.\s?\p{Lu}\p{Ll}[\p{L}'’\-]*(?:\s\p{Lu}\p{Ll}[\p{L}'’\-]*){0,2}\s*(?:\([^)\n]{1,80}\)\s*){0,2}:/u;

/** White House "Q Mr. President, ..." and "A. Growing.": a bare Q or A before the words, or a person with that initial. */
export const bareQa: LabelRule = {
  name: "bare-qa",
  match(text, ctx) {
    const bare = text.match(BARE_QA_RE);
    if (!bare?.groups || !/^[\p{Lu}"“‘'(\[]/u.test(bare.groups.rest ?? "")) return null;
    const name = bare.groups.name ?? "";
    const qa: Label = { raw: bare.groups.raw ?? name, name, note: null, role: name === "Q" ? "question" : "answer", rest: bare.groups.rest ?? "", rule: "bare-qa" };
    const person = INITIAL_A_OR_Q.test(text) ? colonLabel.match(text, ctx) : null;
    // "Q. Mr President:" addresses someone; "A. Minister:" names an office. Neither is a person with an initial.
    if (!person?.ok || person.label.role !== null || person.label.outlet || hasRoleWord(person.label.name.slice(2))) return { ok: true, label: qa };
    const { weak: _, ...label } = person.label;
    return { ok: true, label: { ...label, alternative: qa } };
  },
};
