/**
 * Speaker names as labels write them -> one canonical name per person. Titles are dropped ("Foreign
 * Minister Sergey Lavrov" = "Sergey Lavrov"), capitals are tamed ("MR KIRBY" = "Mr Kirby"), a surname alone
 * resolves to the full name seen earlier, and configured aliases win over all of that.
 */

const TITLES = [
  "president of russia", "president of the russian federation", "president of the united states",
  "russian president", "us president", "u.s. president", "french president", "prime minister",
  "foreign minister", "minister of foreign affairs", "secretary of state", "secretary-general",
  "secretary general", "deputy foreign minister", "deputy minister", "minister", "president", "ambassador",
  "spokesperson", "spokeswoman", "spokesman", "chancellor", "senator", "governor", "general",
  "his excellency", "her excellency", "h.e.", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "dr.", "dr", "prof.", "professor",
];

export type AliasMap = Readonly<Record<string, string>>;

export class SpeakerNames {
  private readonly aliases = new Map<string, string>();
  private readonly canonical: string[] = [];

  constructor(aliases: AliasMap = {}) {
    for (const [from, to] of Object.entries(aliases)) this.aliases.set(from.toLowerCase(), to);
  }

  /** Lower-cased forms already known, for label recognition of lone surnames. */
  knownForms(): Set<string> {
    const forms = new Set<string>();
    for (const name of this.canonical) {
      forms.add(name.toLowerCase());
      const parts = name.split(/\s+/);
      const last = parts[parts.length - 1];
      if (parts.length > 1 && last) forms.add(last.toLowerCase());
    }
    for (const k of this.aliases.keys()) forms.add(k);
    return forms;
  }

  /** Canonical name for a label's name part; records it as known. */
  resolve(name: string): string {
    const trimmed = name.trim().replace(/\s+/g, " ");
    const alias = this.aliases.get(trimmed.toLowerCase());
    if (alias) return this.remember(alias);
    const cased = tameCapitals(trimmed);
    const stripped = stripTitles(cased);
    const lower = stripped.toLowerCase();
    const exact = this.canonical.find((c) => c.toLowerCase() === lower);
    if (exact) return exact;
    // A surname alone, or "Mr Kirby" after "John Kirby": the earlier full name wins.
    if (!stripped.includes(" ")) {
      const full = this.canonical.find((c) => c.toLowerCase().endsWith(" " + lower));
      if (full) return full;
    }
    return this.remember(stripped || cased);
  }

  private remember(name: string): string {
    if (!this.canonical.includes(name)) this.canonical.push(name);
    return name;
  }
}

function stripTitles(name: string): string {
  let out = name;
  let changed = true;
  while (changed) {
    changed = false;
    const lower = out.toLowerCase();
    for (const t of TITLES) {
      if (lower.startsWith(t + " ") && out.slice(t.length + 1).trim().length > 0) {
        // A bare surname left over ("Mr Kirby" -> "Kirby") is resolved against full names by the caller.
        out = out.slice(t.length + 1).trim();
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** "MR KIRBY" -> "Mr Kirby"; short all-caps tokens ("SG", "US") stay as they are. */
function tameCapitals(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(" ")
    .map((t) => (t.replace(/\W/g, "").length <= 2 && !/^(MR|MS|DR)\.?$/.test(t) ? t : t.charAt(0) + t.slice(1).toLowerCase()))
    .join(" ");
}
