import { pageUrl } from "../emit/page-url.js";
import type { Section, Transcript } from "../model/transcript.js";
import { baseSectionId, withParagraphIds } from "../parse/ids.js";
import { LEDGER_VERSION, type Ledger, type LedgerEntry, type LedgerRecord } from "./ledger-file.js";
import { legacySketches, sectionScore, sectionText, type SectionText } from "./text.js";

/** A section of the new text takes over an old id at this score or above (see sectionScore). */
export const MATCH_SCORE = 0.6;
/** An old id that no section matches leads to its most similar section if that scores at least this... */
export const ALIAS_SCORE = 0.2;
/** ...and otherwise to the section that followed it (or preceded it, at the end). */

/** Where old links go on one transcript's page. */
export interface PageLinks {
  /** Live section id -> old ids (sections and their paragraphs) that now lead to it: empty anchors at its start. */
  aliasAnchors: Record<string, string[]>;
  /** Live section id -> paragraph ids it issued before but no longer has: empty anchors at its end. */
  formerParagraphs: Record<string, string[]>;
  /** Old URLs (per-answer pages of aliased ids, former page URLs) -> root-relative URL they lead to. */
  redirects: { from: string; to: string }[];
}

export interface Reconciled {
  transcripts: Transcript[];
  links: PageLinks[];
  ledger: Ledger;
}

/**
 * Gives each transcript the ids its sections had in the ledger, issues new ids only for new sections (never an
 * id the ledger already holds), and turns ids that no section matches any more into aliases. Pure and
 * deterministic: the same ledger and transcripts always give the same result. `textsOf` lets a caller that
 * reconciles the same transcripts again and again (`verbatim dev`) reuse their section texts, and a build take
 * the ones its parse workers computed: they are the costly part (a hash per shingle); it must return what
 * `sectionText` gives. `exhaustive` turns off the shortcuts that skip scoring (see reconcileOne and scorer),
 * which never change the result: the tests compare the two. `memo` lets a caller that reconciles the same
 * transcript objects against the same ledger object again and again (`verbatim dev`, on every edit) reuse each
 * transcript's result while the ledger entry it continues is the same: a transcript's result depends on
 * nothing else.
 */
export function reconcile(ledger: Ledger, transcripts: Transcript[], textsOf: (t: Transcript) => SectionText[] = (t) => t.sections.map(sectionText), options: { exhaustive?: boolean; memo?: ReconcileMemo } = {}): Reconciled {
  const texts = transcripts.map(textsOf);
  const recordTexts = new Map<LedgerRecord, RecordText>();
  const textOf = (r: LedgerRecord): RecordText => {
    let x = recordTexts.get(r);
    if (!x) recordTexts.set(r, (x = recordText(r)));
    return x;
  };
  // Same fingerprint, same words, so the same version-1 sketches: those records give them without hashing.
  const legacyByFingerprint = new Map<string, LedgerRecord>();
  if (!options.exhaustive) for (const e of ledger.transcripts) for (const r of e.ids) if (r.sketch === "sha256" && !legacyByFingerprint.has(r.fingerprint)) legacyByFingerprint.set(r.fingerprint, r);
  // Made when first needed: on an edit in `verbatim dev` only the edited transcript's is.
  const scorers: Scorer[] = [];
  const scorerOf = (i: number): Scorer => (scorers[i] ??= scorer((transcripts[i] as Transcript).sections, texts[i] ?? [], textOf, legacyByFingerprint));
  const claims = claimEntries(ledger.transcripts, transcripts, texts, scorerOf);
  const results = transcripts.map((t, i) => {
    const entry = claims[i] === null ? null : (ledger.transcripts[claims[i] as number] ?? null);
    const known = options.memo?.get(t);
    if (known && known.ledger === ledger && known.entry === entry && known.exhaustive === (options.exhaustive === true)) return known.result;
    const result = reconcileOne(t, texts[i] ?? [], entry, scorerOf(i), options.exhaustive === true);
    options.memo?.set(t, { ledger, entry, exhaustive: options.exhaustive === true, result });
    return result;
  });
  const livePaths = new Set(results.flatMap((r) => livePathsOf(r.entry)));
  const claimed = new Set(claims.filter((c): c is number => c !== null));
  const kept = ledger.transcripts.filter((_, i) => !claimed.has(i));
  const taken = new Set<string>();
  const links = results.map((r) => ({
    ...r.links,
    redirects: r.links.redirects.filter((x) => !livePaths.has(x.from) && !taken.has(x.from) && (taken.add(x.from), true)),
  }));
  return { transcripts: results.map((r) => r.transcript), links, ledger: { version: LEDGER_VERSION, transcripts: [...results.map((r) => r.entry), ...kept] } };
}

/**
 * What reconcile derives from objects it never changes (ledger entries, the ledger's entry list, section texts,
 * transcripts), kept while those objects live. `verbatim dev` reconciles the same objects on every edit, and at
 * 10,000 transcripts deriving these again took most of an edit's 0.3 s of reconciling. So callers must not change
 * these objects in place after a call either; nothing in Verbatim does (an edited transcript is parsed into a new
 * object, a ledger read again is a new one, and URL de-duplication copies a transcript it renames).
 */
const derived = {
  livePaths: new WeakMap<LedgerEntry, string[]>(),
  claimIndexes: new WeakMap<LedgerEntry[], Map<string, Map<string, number[]>>>(),
  textKeys: new WeakMap<readonly SectionText[], string | null>(),
  pageUrls: new WeakMap<Transcript, string>(),
};

/** The page URL and per-answer URLs an entry's live sections occupy. */
function livePathsOf(e: LedgerEntry): string[] {
  let x = derived.livePaths.get(e);
  if (!x) derived.livePaths.set(e, (x = [e.url, ...e.ids.filter((r) => r.alias === null && r.kind === "qa").map((r) => `${e.url}${r.id}/`)]));
  return x;
}

function cachedPageUrl(t: Transcript): string {
  let x = derived.pageUrls.get(t);
  if (x === undefined) derived.pageUrls.set(t, (x = pageUrl(t)));
  return x;
}

function cachedTextKey(texts: readonly SectionText[]): string | null {
  let x = derived.textKeys.get(texts);
  if (x === undefined) derived.textKeys.set(texts, (x = textKey(texts)));
  return x;
}

/** Per transcript object: the ledger and entry it was last reconciled against, and the result. */
export type ReconcileMemo = WeakMap<Transcript, { ledger: Ledger; entry: LedgerEntry | null; exhaustive: boolean; result: ReturnType<typeof reconcileOne> }>;

/** Source URL without scheme, "www." or trailing slash: http/https reposts of one page are one source. */
export function sourceKey(url: string | undefined | null): string | null {
  if (!url) return null;
  return url.trim().replace(/^[a-z]+:\/\//i, "").replace(/^www\./i, "").replace(/\/+$/, "").toLowerCase() || null;
}

/**
 * Which ledger entry each transcript continues: first the same source URL, then the same page URL, then the
 * same text (every section's fingerprint), then the entry sharing most of its sections (at least half of
 * them). Each entry continues at most one transcript.
 */
function claimEntries(entries: LedgerEntry[], transcripts: Transcript[], texts: SectionText[][], scorerOf: (ti: number) => Scorer): (number | null)[] {
  const claims: (number | null)[] = transcripts.map(() => null);
  const free = new Set(entries.map((_, i) => i));
  let indexes = derived.claimIndexes.get(entries);
  if (!indexes) derived.claimIndexes.set(entries, (indexes = new Map()));
  // Each pass gives a transcript the first free entry (in ledger order) with its key, through an index by key.
  const indexOf = (name: string, keysOf: (e: LedgerEntry) => (string | null)[]): Map<string, number[]> => {
    const known = indexes.get(name);
    if (known) return known;
    const index = new Map<string, number[]>();
    entries.forEach((e, ei) => {
      for (const k of new Set(keysOf(e))) {
        if (k === null) continue;
        const list = index.get(k);
        if (list) list.push(ei);
        else index.set(k, [ei]);
      }
    });
    indexes.set(name, index);
    return index;
  };
  const pass = (name: string, keysOf: (e: LedgerEntry) => (string | null)[], keyOf: (t: Transcript, ti: number) => string | null): void => {
    const index = indexOf(name, keysOf);
    transcripts.forEach((t, ti) => {
      if (claims[ti] !== null) return;
      const k = keyOf(t, ti);
      const ei = k === null ? undefined : index.get(k)?.find((i) => free.has(i));
      if (ei !== undefined) { claims[ti] = ei; free.delete(ei); }
    });
  };
  pass("source", (e) => [sourceKey(e.source)], (t) => sourceKey(t.source.url));
  pass("url", (e) => [e.url, ...e.formerUrls], (t) => cachedPageUrl(t));
  // The same text, section for section: a transcript whose URL changed (a corrected title, slugs made by a
  // newer rule) finds its entry through an index instead of being scored against every free entry, which took
  // minutes at 2,000 transcripts when every URL changed at once.
  pass("text", (e) => [textKey(e.ids.filter((r) => r.alias === null))], (_, ti) => cachedTextKey(texts[ti] ?? []));
  transcripts.forEach((_, ti) => {
    if (claims[ti] !== null) return;
    const mine = texts[ti] ?? [];
    const { score } = scorerOf(ti);
    let best: { ei: number; n: number } | null = null;
    for (const ei of free) {
      const records = (entries[ei] as LedgerEntry).ids;
      const n = mine.filter((_, si) => records.some((r) => score(si, r) >= MATCH_SCORE)).length;
      if (n > 0 && n * 2 >= mine.length && (!best || n > best.n)) best = { ei, n };
    }
    if (best) { claims[ti] = best.ei; free.delete(best.ei); }
  });
  return claims;
}

/** A key for a transcript's text: its sections' (or live records') kinds and fingerprints, in any order (none: no key). */
const textKey = (sections: readonly { kind: string; fingerprint: string }[]): string | null =>
  sections.length ? sections.map((x) => `${x.kind}:${x.fingerprint}`).sort().join(" ") : null;

/** What a ledger record remembers of its section's text, as sectionScore takes it. */
type RecordText = Pick<SectionText, "kind" | "fingerprint" | "question" | "answer">;

const split = (sketch: string): string[] => (sketch === "" ? [] : sketch.split(" "));
const recordText = (r: LedgerRecord): RecordText => ({ kind: r.kind, fingerprint: r.fingerprint, question: split(r.question), answer: split(r.answer) });

interface Scorer {
  /** sectionScore of the transcript's section `si` and a record. */
  score(si: number, r: LedgerRecord): number;
  /** Whether that score is 1, found without computing it: the same fingerprint, or the same sketches. */
  perfect(si: number, r: LedgerRecord): boolean;
}

/**
 * Scores one transcript's sections against ledger records. A record sketched with version 1's hash (`sketch:
 * "sha256"`) is compared with the section sketched the same way: taken from a version-1 record with the
 * section's fingerprint (the same words, so the same sketches), or else made when a comparison first needs it
 * (same kind, different fingerprint), once per section.
 */
function scorer(sections: readonly Section[], texts: readonly SectionText[], textOf: (r: LedgerRecord) => RecordText, legacyByFingerprint: Map<string, LedgerRecord>): Scorer {
  const legacy: (SectionText | undefined)[] = [];
  const legacyOf = (si: number): SectionText => {
    let x = legacy[si];
    if (!x) {
      const s = texts[si] as SectionText;
      const same = legacyByFingerprint.get(s.fingerprint);
      x = legacy[si] = { ...s, ...(same ? { question: split(same.question), answer: split(same.answer) } : legacySketches(sections[si] as Section)) };
    }
    return x;
  };
  /** The section's sketches, made with the record's hash, joined as the record stores them. */
  const joined: ({ question: string; answer: string } | undefined)[][] = [[], []];
  const joinedFor = (si: number, r: LedgerRecord): { question: string; answer: string } => {
    const old = r.sketch === "sha256";
    const memo = joined[old ? 1 : 0] as ({ question: string; answer: string } | undefined)[];
    let x = memo[si];
    if (!x) {
      const s = old ? legacyOf(si) : (texts[si] as SectionText);
      x = memo[si] = { question: s.question.join(" "), answer: s.answer.join(" ") };
    }
    return x;
  };
  return {
    score(si, r) {
      const s = texts[si] as SectionText;
      if (s.kind !== r.kind) return 0;
      if (s.fingerprint === r.fingerprint) return 1;
      return sectionScore(r.sketch === "sha256" ? legacyOf(si) : s, textOf(r));
    },
    perfect(si, r) {
      const s = texts[si] as SectionText;
      if (s.kind !== r.kind) return false;
      if (s.fingerprint === r.fingerprint) return true;
      // similarity is 1 exactly when both sketches are the same and not empty, so sectionScore is 1 exactly
      // when every part not empty on both sides is the same on both, and at least one part is not empty.
      const x = joinedFor(si, r);
      return x.question === r.question && x.answer === r.answer && (r.question !== "" || r.answer !== "");
    },
  };
}

function reconcileOne(t: Transcript, texts: SectionText[], entry: LedgerEntry | null, { score, perfect }: Scorer, exhaustive: boolean): { transcript: Transcript; links: PageLinks; entry: LedgerEntry } {
  const url = pageUrl(t);
  const records = entry?.ids ?? [];

  // 1. Old ids follow their text: best pairs first, live ids before aliases, then document order.
  const recordOf = new Map<number, number>(); // section index -> record index
  const matched = new Set<number>();
  const take = (pairs: { ri: number; si: number; score: number }[]): void => {
    pairs.sort((a, b) => b.score - a.score || Number(records[a.ri]?.alias !== null) - Number(records[b.ri]?.alias !== null) || a.ri - b.ri || a.si - b.si);
    recordOf.clear();
    matched.clear();
    for (const p of pairs) {
      if (recordOf.has(p.si) || matched.has(p.ri)) continue;
      recordOf.set(p.si, p.ri);
      matched.add(p.ri);
    }
  };
  // The pairs scoring 1 come first in that order. When they alone give every section a record (a transcript
  // with no section changed), no other pair can change anything, and the others need not be scored at all.
  const all = (keep: (ri: number, si: number) => number | null): { ri: number; si: number; score: number }[] => {
    const pairs: { ri: number; si: number; score: number }[] = [];
    for (let ri = 0; ri < records.length; ri++) {
      for (let si = 0; si < texts.length; si++) {
        const x = keep(ri, si);
        if (x !== null) pairs.push({ ri, si, score: x });
      }
    }
    return pairs;
  };
  if (!exhaustive) take(all((ri, si) => (perfect(si, records[ri] as LedgerRecord) ? 1 : null)));
  if (exhaustive || recordOf.size < texts.length) take(all((ri, si) => {
    const x = score(si, records[ri] as LedgerRecord);
    return x >= MATCH_SCORE ? x : null;
  }));

  // 2. New sections get their natural id, never one the ledger holds (README: ids are never reused).
  const used = new Set(records.map((r) => r.id));
  const ids = t.sections.map((s, si) => {
    const ri = recordOf.get(si);
    if (ri !== undefined) return (records[ri] as LedgerRecord).id;
    const base = baseSectionId(s);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
  const sections = t.sections.map((s, si) => withParagraphIds({ ...s, id: ids[si] as string } as Section));
  const live = new Set(ids);

  // 3. Unmatched old ids become aliases of the best surviving section.
  const oldLive = records.map((r, ri) => ({ r, ri })).filter((x) => x.r.alias === null);
  const target = new Map<string, string>();
  for (const { r, ri } of oldLive) {
    if (matched.has(ri) || sections.length === 0) continue;
    let best = -1, bestScore = ALIAS_SCORE;
    texts.forEach((_, si) => {
      const x = score(si, r);
      if (x >= bestScore && (best === -1 || x > bestScore)) { best = si; bestScore = x; }
    });
    if (best >= 0) { target.set(r.id, ids[best] as string); continue; }
    const k = oldLive.findIndex((x) => x.ri === ri);
    const after = oldLive.slice(k + 1).find((x) => matched.has(x.ri));
    const before = oldLive.slice(0, k).reverse().find((x) => matched.has(x.ri));
    target.set(r.id, (after ?? before)?.r.id ?? (ids[0] as string));
  }
  for (const [ri, r] of records.entries()) if (r.alias !== null && !matched.has(ri)) target.set(r.id, r.alias);
  const resolve = (id: string): string => {
    let cur = id;
    for (let hops = 0; !live.has(cur) && hops <= records.length; hops++) cur = target.get(cur) ?? (ids[0] as string);
    return live.has(cur) ? cur : (ids[0] as string);
  };

  const kindOf = new Map(records.map((r) => [r.id, r.kind] as const));
  t.sections.forEach((s, si) => kindOf.set(ids[si] as string, s.kind));
  const newRecords: LedgerRecord[] = texts.map((x, si) => {
    const ri = recordOf.get(si);
    const old = ri === undefined ? null : (records[ri] as LedgerRecord);
    return {
      id: ids[si] as string,
      kind: x.kind,
      alias: null,
      fingerprint: x.fingerprint,
      question: x.question.join(" "),
      answer: x.answer.join(" "),
      paragraphs: {
        q: Math.max(x.paragraphs.q, old?.paragraphs.q ?? 0),
        a: Math.max(x.paragraphs.a, old?.paragraphs.a ?? 0),
        p: Math.max(x.paragraphs.p, old?.paragraphs.p ?? 0),
      },
      preview: preview(t.sections[si] as Section),
    };
  });
  const aliasRecords: LedgerRecord[] = sections.length === 0
    ? records.filter((_, ri) => !matched.has(ri))
    : records.filter((_, ri) => !matched.has(ri)).map((r) => ({ ...r, alias: resolve(r.id) })).sort((a, b) => (a.id < b.id ? -1 : 1));

  const links: PageLinks = { aliasAnchors: {}, formerParagraphs: {}, redirects: [] };
  for (const a of aliasRecords) {
    if (a.alias === null) continue;
    (links.aliasAnchors[a.alias] ??= []).push(a.id, ...paragraphIds(a.id, a.paragraphs, { q: 0, a: 0, p: 0 }));
    if (a.kind === "qa") links.redirects.push({ from: `${url}${a.id}/`, to: perAnswerUrl(url, a.alias, kindOf.get(a.alias)) });
  }
  newRecords.forEach((r, si) => {
    const now = texts[si]?.paragraphs ?? { q: 0, a: 0, p: 0 };
    const gone = paragraphIds(r.id, r.paragraphs, now);
    if (gone.length) links.formerParagraphs[r.id] = gone;
  });
  const formerUrls = [...new Set([...(entry?.formerUrls ?? []), ...(entry && entry.url !== url ? [entry.url] : [])])].filter((u) => u !== url).sort();
  for (const f of formerUrls) {
    links.redirects.push({ from: f, to: url });
    for (const r of [...newRecords, ...aliasRecords]) if (r.kind === "qa") links.redirects.push({ from: `${f}${r.id}/`, to: perAnswerUrl(url, resolve(r.id), kindOf.get(resolve(r.id))) });
  }
  links.redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  return {
    transcript: { ...t, sections },
    links,
    entry: { url, source: t.source.url ?? entry?.source ?? null, formerUrls, ids: [...newRecords, ...aliasRecords] },
  };
}

/** A question/answer section has a page of its own; remarks are reached on the transcript page. */
function perAnswerUrl(url: string, id: string, kind: Section["kind"] | undefined): string {
  return kind === "qa" ? `${url}${id}/` : `${url}#${id}`;
}

/** Paragraph ids numbered above `from` up to `upTo`, per letter. */
function paragraphIds(id: string, upTo: LedgerRecord["paragraphs"], from: LedgerRecord["paragraphs"]): string[] {
  const out: string[] = [];
  for (const letter of ["q", "a", "p"] as const) for (let n = from[letter] + 1; n <= upTo[letter]; n++) out.push(`${id}--${letter}${n}`);
  return out;
}

const PREVIEW_WORDS = 12;

/**
 * The section's opening words: its paragraphs joined by spaces, split at whitespace, the first 12 words (and
 * "…" if there are more). Reads only as many paragraphs, and as much of them, as those words need.
 */
function preview(s: Section): string {
  const turns = s.kind === "qa" ? [...s.question, ...s.answer] : s.turns;
  const paragraphs = turns.flatMap((x) => x.paragraphs);
  let text = "";
  for (const [i, p] of paragraphs.entries()) {
    text = i === 0 ? p.text : `${text} ${p.text}`;
    const ws = leadingWords(text, PREVIEW_WORDS + 1);
    if (ws.length > PREVIEW_WORDS) return `${ws.slice(0, PREVIEW_WORDS).join(" ")}…`;
  }
  return text.trim().split(/\s+/u).join(" ");
}

/**
 * The first `n` words of `text.trim().split(/\s+/u)` (all of them if there are fewer). Exact: it splits a
 * prefix cut just before a whitespace character, whose words are all whole, widening it until it holds n.
 */
function leadingWords(text: string, n: number): string[] {
  for (let end = 16 * n; ; end *= 4) {
    const cut = end >= text.length ? -1 : text.slice(end).search(/\s/u);
    const prefix = cut === -1 ? text : text.slice(0, end + cut);
    const ws = prefix.trim().split(/\s+/u);
    if (ws.length >= n || prefix.length === text.length) return ws.slice(0, n);
  }
}
