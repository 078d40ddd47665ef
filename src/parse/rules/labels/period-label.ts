import type { LabelRule } from "../../labels.js";

/**
 * The Congressional Record and hearing transcripts: "Mr. SMITH. Thank you.", "The CHAIRMAN. The committee
 * will come to order.", "Senator GRASSLEY. ...". A title or "The", a surname in capitals, a full stop.
 */
const PERIOD_LABEL = /^(?<name>(?:Mr|Mrs|Ms|Miss|Dr|Senator|Sen|Chairman|Chairwoman|Chair|Representative|Rep|Judge|Justice|Commissioner|Governor|Secretary|General|Admiral|Ambassador|Director|Chief Justice|The)\.?\s+(?:\p{Lu}[\p{Ll}]+\.?\s+)?\p{Lu}[\p{Lu}'’\-]+(?:\s+\p{Lu}[\p{Lu}'’\-]+)?(?:\s+of\s+\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)?)\.\s+(?<rest>\S.*)$/u;

export const periodLabel: LabelRule = {
  name: "period-label",
  match(text) {
    const m = text.match(PERIOD_LABEL);
    const name = m?.groups?.name;
    if (!name || !/\p{Lu}{2,}/u.test(name.replace(/^\S+\s+/, ""))) return null;
    return { ok: true, label: { raw: `${name}.`, name, note: null, role: null, rest: m.groups?.rest ?? "", rule: "period-label" } };
  },
};
