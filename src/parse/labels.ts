import type { TurnRole } from "../model/transcript.js";
import { bareQa } from "./rules/labels/bare-qa.js";
import { colonLabel } from "./rules/labels/colon-label.js";
import { periodLabel } from "./rules/labels/period-label.js";
import { qaAlone } from "./rules/labels/qa-alone.js";
import { timedNameLine } from "./rules/labels/timed-name-line.js";

export { isAffiliation, ROLE_NAMES } from "./label-names.js";

export interface Label {
  /** The label as written, including the colon, e.g. "Question (via interpreter):". */
  raw: string;
  /** Name part ("Question", "Sergey Lavrov", "MR KIRBY"). */
  name: string;
  /** Parenthetical note, e.g. "Reuters" or "via interpreter". */
  note: string | null;
  /** An office given beside the name ("Minister for Foreign Affairs" in "Mr. Taro Suzuki, Minister for Foreign Affairs:"). */
  office?: string;
  /** What the label itself says about the role; null for a person whose role depends on context. */
  role: TurnRole | null;
  /** The label names an outlet asking as itself ("Reuters:", "THE TIMES:"): a question, from no person. */
  outlet?: boolean;
  /** Text after the label on the same line. */
  rest: string;
  /** The rule that read it (src/parse/rules/labels/). */
  rule: string;
  /**
   * Only a plain Title-Case name ("Foreign Policy:", "Sergey Lavrov:") on its own is weak evidence: a
   * sentence may start that way. The parser accepts a weak label only where other labels show the text
   * is a dialogue, or when the same name labels more than one line.
   */
  weak?: boolean;
  /**
   * "A. Lukashenko:" is a speaker with an initial, or an answer that starts "Lukashenko: ..."; the line alone
   * cannot tell. The label is the speaker's; this is the bare Q/A reading, which the parser takes unless the
   * name stands for a person the text names in full, or (for "A.", not "Q.") labels more than one line.
   */
  alternative?: Label;
}

export type LabelMatch = { ok: true; label: Label } | { ok: false; labelLike: boolean };

export interface LabelContext {
  /** Lower-cased names already established as speakers (seen, named in the header, or recurring as labels). */
  known: ReadonlySet<string>;
}

/** One way of writing a speaker label. `null`: not this rule's shape; the next rule is tried. */
export interface LabelRule {
  name: string;
  match(line: string, ctx: LabelContext): LabelMatch | null;
}

/** The label rules, most specific first: the first that recognises a line's shape decides. */
export const LABEL_RULES: readonly LabelRule[] = [qaAlone, bareQa, timedNameLine, periodLabel, colonLabel];

/**
 * Reads a speaker label at the start of a line. `known` holds names already seen as speakers so that a
 * surname alone ("Lavrov:") or a single capitalised word can be accepted once it is established.
 */
export function matchLabel(line: string, known: ReadonlySet<string> = new Set()): LabelMatch {
  const text = line.trim();
  const ctx = { known };
  for (const rule of LABEL_RULES) {
    const m = rule.match(text, ctx);
    if (m) return m;
  }
  return { ok: false, labelLike: false };
}
