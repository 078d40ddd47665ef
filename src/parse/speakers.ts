/**
 * Speaker names as labels write them -> one canonical name per person. Titles are dropped ("Foreign
 * Minister Sergey Lavrov" = "Sergey Lavrov", "President of France Emmanuel Macron" = "Emmanuel Macron"),
 * capitals are tamed ("MR KIRBY" = "Mr Kirby"), a surname alone resolves to the full name seen earlier or
 * named in the header ("KELLY" after "Interview with Fran Kelly"), an office resolves to the person the
 * header gives it to ("THE PRESIDENT" after "Remarks by President Biden"), and configured aliases win
 * over all of that.
 */

const TITLES = [
  "president of the russian federation", "president of russia", "president of the united states",
  "russian president", "us president", "u.s. president", "french president", "vice president", "prime minister",
  "foreign minister", "minister of foreign affairs", "secretary of state", "deputy secretary-general", "secretary-general",
  "secretary general", "deputy foreign minister", "deputy minister", "press secretary", "minister", "president", "ambassador",
  "spokesperson", "spokeswoman", "spokesman", "chancellor", "senator the hon", "senator", "governor", "general", "secretary",
  "the hon.", "the hon", "hon.", "hon", "the honourable", "the honorable",
  "his excellency", "her excellency", "dame", "sir", "lord", "baroness", "h.e.", "mr.", "mr", "ms.", "ms", "mrs.", "mrs", "dr.", "dr", "prof.", "professor",
];
/** "President of France Emmanuel Macron": an office of a country, then the name. */
const OFFICE_OF = /^(?:the\s+)?(?:vice\s+|deputy\s+|acting\s+)?(?:president|prime minister|chancellor|king|queen|emir|foreign minister|minister(?:\s+of\s+foreign\s+affairs)?|secretary(?:\s+of\s+state)?|ambassador)\s+(?:of|to)\s+(?:the\s+)?/iu;
/** Words that are offices or functions, never a person's name on their own. */
const ROLE_WORDS = new Set([
  "the", "president", "vice", "prime", "minister", "foreign", "deputy", "secretary", "secretary-general", "general", "sg", "dsg",
  "spokesperson", "spokesman", "spokeswoman", "press", "ambassador", "chancellor", "governor", "first", "lady", "speaker",
  "moderator", "chair", "chairman", "chairperson", "chairwoman", "host", "co-host", "presenter", "anchor", "interpreter",
  "translator", "narrator", "operator", "voice", "unidentified", "unknown", "senator", "mr", "ms", "mrs", "dr", "hon",
  "guest", "interviewee", "respondent", "mayor", "witness", "counsel", "court", "judge", "justice", "commissioner", "clerk",
  "panelist", "panellist", "official", "senior", "administration", "state", "department", "male", "female", "pm", "of",
  "official's", "chief", "executive", "officer", "director", "ceo", "cfo", "analyst", "representative", "member", "members",
]);
/** "V.Putin", "A. Lukashenko", "S.V.Lavrov": initials, then a surname. */
const INITIALS_SURNAME = /^(\p{Lu})\p{Ll}?\.\s?(?:\p{Lu}\p{Ll}?\.\s?){0,2}(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)$/u;
const ABBREVIATED_OFFICES: Record<string, string> = { sg: "secretary-general", dsg: "deputy secretary-general" };

export type AliasMap = Readonly<Record<string, string>>;

export class SpeakerNames {
  private readonly aliases = new Map<string, string>();
  private readonly canonical: string[] = [];
  /** Title, subtitle and other header lines: where full names and offices are spelled out. */
  private context: string[] = [];
  /** Names the text establishes as labels by repeating them (see recurring-labels.ts). */
  private established: string[] = [];

  constructor(aliases: AliasMap = {}) {
    for (const [from, to] of Object.entries(aliases)) this.aliases.set(from.trim().toLowerCase(), to);
  }

  /** Header text in which a lone surname or an office can be looked up. */
  setContext(lines: string[]): void {
    this.context = lines;
  }

  /** Names that recur as labels: accepted as speakers whatever their shape ("Guest", "Müller"). */
  establish(forms: string[]): void {
    this.established = forms;
  }

  /** Lower-cased forms already known, for label recognition of lone surnames. */
  knownForms(): Set<string> {
    const forms = new Set<string>(this.established);
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
    if (isRoleOnly(cased)) {
      const holder = this.officeHolder(cased);
      return this.remember(holder ? this.resolve(holder) : cased);
    }
    const stripped = stripTitles(cased);
    const lower = stripped.toLowerCase();
    const exact = this.canonical.find((c) => c.toLowerCase() === lower);
    if (exact) return exact;
    if (INITIALS_SURNAME.test(stripped)) return this.remember(this.fullNameOf(stripped) ?? stripped);
    if (!stripped.includes(" ")) {
      // A surname alone, or "Mr Kirby" after "John Kirby": the earlier full name wins, then one in the header.
      const full = this.canonical.find((c) => c.toLowerCase().endsWith(" " + lower)) ?? this.fullNameInContext(stripped);
      if (full) return this.remember(full);
      // Nothing to go on: keep the title, "Mr Kirby" says more than "Kirby".
      return this.remember(cased);
    }
    return this.remember(stripped || cased);
  }

  /** Whether initials and a surname ("A. Lukashenko") stand for a full name already seen or in the header. */
  identifies(name: string): boolean {
    return this.fullNameOf(name) !== null;
  }

  private remember(name: string): string {
    if (!this.canonical.includes(name)) this.canonical.push(name);
    return name;
  }

  /** "Vladimir Putin" for "V.Putin" after that name, or "Alexander Lukashenko" for "A. Lukashenko" when the header names him. */
  private fullNameOf(initialled: string): string | null {
    const m = INITIALS_SURNAME.exec(stripTitles(tameCapitals(initialled.trim())));
    if (!m) return null;
    const [, initial, surname] = m as unknown as [string, string, string];
    const fits = (full: string | null | undefined) => (full && full.toLowerCase().endsWith(` ${surname.toLowerCase()}`) && full.startsWith(initial) ? full : null);
    return this.canonical.find((c) => fits(c)) ?? fits(this.fullNameInContext(surname));
  }

  /** "Fran Kelly" for "Kelly" when the header says "Interview with Fran Kelly". */
  private fullNameInContext(surname: string): string | null {
    const s = surname.toLowerCase();
    for (const text of this.context) {
      const tokens = text.split(/\s+/);
      for (let i = 0; i < tokens.length; i++) {
        const tok = (tokens[i] ?? "").replace(/(?:['’]s)?[,;:.)]*$/u, "");
        if (tok.toLowerCase() !== s || !/^\p{Lu}/u.test(tok)) continue;
        const given: string[] = [];
        for (let j = i - 1; j >= 0 && given.length < 3; j--) {
          const g = tokens[j] ?? "";
          if (/[,;:]$/.test(g) || !/^(?:\p{Lu}[\p{L}\p{M}'’\-]*|\p{Lu}\.)$/u.test(g) || ROLE_WORDS.has(g.toLowerCase().replace(/\.$/, ""))) break;
          given.unshift(g);
        }
        if (given.length > 0 && !given.every((g) => /^\p{Lu}\.$/u.test(g))) return [...given, tok].join(" ");
      }
    }
    return null;
  }

  /** "President Biden" for "The President" when the header says "Remarks by President Biden". */
  private officeHolder(role: string): string | null {
    let office = role.toLowerCase().replace(/^the\s+/, "");
    office = ABBREVIATED_OFFICES[office] ?? office;
    const officeWords = office.split(/\s+/).length;
    for (const text of this.context) {
      const tokens = text.split(/\s+/);
      for (let i = 0; i + officeWords < tokens.length; i++) {
        const phrase = tokens.slice(i, i + officeWords).join(" ").toLowerCase().replace(/^[^\p{L}]+/u, "");
        if (phrase !== office) continue;
        const name = takeName(tokens.slice(i + officeWords));
        if (name) return `${tokens.slice(i, i + officeWords).join(" ").replace(/^[^\p{L}]+/u, "")} ${name}`;
      }
    }
    return null;
  }
}

/** The name has an office, function or form of address in it ("Mr President", "Mr Lavrov", "Minister Wang"). */
export function hasRoleWord(name: string): boolean {
  return name.toLowerCase().replace(/[.,]/g, "").split(/\s+/).some((w) => ROLE_WORDS.has(w) || ADDRESS_WORDS.has(w));
}
/** Words of address that are not offices: a question may open with them ("Q. Madam Speaker: ..."). */
const ADDRESS_WORDS = new Set(["madam", "madame", "sir", "excellency", "colleagues", "dear"]);

/** The name a turn is attributed to is an office or function only ("The President", "Moderator", "SG"). */
export function isRoleOnly(name: string): boolean {
  const words = name.toLowerCase().replace(/[.,]/g, "").split(/[\s]+/).filter((w) => w !== "");
  return words.length > 0 && words.every((w) => ROLE_WORDS.has(w) || /^\d{1,3}$/.test(w));
}

/** Leading name-like tokens, at most three, before a word that starts a phrase ("Biden Before" -> "Biden"). */
function takeName(words: string[]): string | null {
  const out: string[] = [];
  for (const w of words) {
    const clean = w.replace(/['’]s$|[,;:.]$/u, "");
    const phraseWord = /^(?:before|after|at|on|in|to|of|for|the|and|with|during|by|from|remarks|press|statement|interview|meeting|conference|visit|announces?|holds?|delivers?)$/i.test(clean);
    if (phraseWord || !/^\p{Lu}[\p{L}\p{M}'’\-]*$/u.test(clean) || ROLE_WORDS.has(clean.toLowerCase())) break;
    out.push(clean);
    if (out.length === 3 || clean !== w) break;
  }
  return out.length ? out.join(" ") : null;
}

function stripTitles(name: string): string {
  let out = name;
  const office = out.match(OFFICE_OF);
  if (office) {
    // "France Emmanuel Macron": the country first, the person's given name and surname last.
    const rest = out.slice(office[0].length).split(/\s+/);
    if (rest.length >= 3) out = rest.slice(-2).join(" ");
  }
  let changed = true;
  while (changed) {
    changed = false;
    const lower = out.toLowerCase();
    for (const t of TITLES) {
      if (lower.startsWith(t + " ") && out.slice(t.length + 1).trim().length > 0) {
        out = out.slice(t.length + 1).trim();
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** "MR KIRBY" -> "Mr Kirby", "MS. JEAN-PIERRE" -> "Ms. Jean-Pierre"; short all-caps tokens ("SG", "US") stay. */
function tameCapitals(name: string): string {
  const tame = (t: string) => t.toLowerCase().replace(/(^|[-'’])(\p{Ll})/gu, (_, p: string, c: string) => p + c.toUpperCase());
  if (name !== name.toUpperCase() || !/\p{Lu}/u.test(name)) {
    // "Mr. SMITH", "The CHAIRMAN": the Congressional Record sets the surname alone in capitals.
    const tokens = name.split(" ");
    const last = tokens.at(-1) ?? "";
    return tokens.length > 1 && /^\p{Lu}[\p{Lu}'’\-]{2,}$/u.test(last) ? [...tokens.slice(0, -1), tame(last)].join(" ") : name;
  }
  return name
    .split(" ")
    .map((t) => (t.replace(/\W/g, "").length <= 2 && !/^(MR|MS|DR)\.?$/.test(t) ? t : tame(t)))
    .join(" ");
}

