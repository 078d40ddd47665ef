import type { LabelRule } from "../../labels.js";

/** "Q" or "A." alone on its line, the text on the next (interview pages, embassy Q&As). */
export const qaAlone: LabelRule = {
  name: "qa-alone",
  match(text) {
    const alone = text.match(/^(?<name>Q|A)\.?$/u);
    const name = alone?.groups?.name;
    if (!name) return null;
    return { ok: true, label: { raw: text, name, note: null, role: name === "Q" ? "question" : "answer", rest: "", rule: "qa-alone" } };
  },
};
