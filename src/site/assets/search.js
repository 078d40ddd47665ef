// Search page. Nothing of Pagefind loads until the reader starts searching (focuses the box, types, or arrives
// with ?q=). The index is split into one Pagefind index per year (src/search/index-site.ts): the newest year is
// the primary index and the others are merged into it with mergeIndex. Every hit links to the paragraph that
// matched (its permanent id) with the search terms highlighted on arrival (highlight.js).
const siteRoot = new URL("../", import.meta.url);
const form = document.getElementById("search_form");
const input = document.getElementById("search_q");
const status = document.getElementById("search_status");
const list = document.getElementById("search_results");
const filterBox = document.getElementById("search_filters");
const more = document.getElementById("search_more");

// The Pagefind filters the page offers (src/site/templates/search.ts writes their controls).
const FILTERS = ["kind", "speaker", "year", "place"];
const KIND_PLURALS = { answer: "answers", question: "questions", remarks: "opening remarks" };
const PAGE_SIZE = 10;

let loading = null;
let parts = [];
let state = readState();
let stream = null;
let runId = 0;
// Records of this search left out because they only share a query word's first letters (see isMatch).
let dropped = 0;

function readState() {
  const p = new URLSearchParams(location.search);
  const s = { q: p.get("q") ?? "", sort: p.get("sort") ?? "" };
  for (const f of FILTERS) s[f] = p.get(f) ?? "";
  return s;
}

function writeState() {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const f of FILTERS) if (state[f]) p.set(f, state[f]);
  if (state.sort) p.set("sort", state.sort);
  const qs = p.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
}

/** Loads the Pagefind runtime and every part of the index, once. */
function load() {
  loading ??= (async () => {
    const manifest = await fetch(new URL("pagefind/parts.json", siteRoot)).then((r) => r.json());
    parts = manifest.parts;
    const mod = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    const common = { baseUrl: siteRoot.pathname, excerptLength: 40 };
    if (parts.length === 0) return null;
    const pf = await mod.createInstance({ ...common, basePath: new URL(`pagefind/${parts[0]}/`, siteRoot).pathname });
    await pf.init();
    await Promise.all(parts.slice(1).map((p) => pf.mergeIndex(new URL(`pagefind/${p}/`, siteRoot).pathname, common)));
    return pf;
  })();
  return loading;
}

/**
 * The filters and the order are in the page (src/site/templates/search.ts), with the archive's values and
 * counts: nothing of the index is loaded for them, and they show the address's choices before Pagefind loads.
 */
function setUpFilters() {
  for (const select of filterBox.querySelectorAll("select")) {
    const key = select.name;
    if (state[key] && [...select.options].some((o) => o.value === state[key])) select.value = state[key];
    select.addEventListener("change", () => {
      state[key] = select.value;
      search();
    });
  }
  filterBox.hidden = false;
}

function activeFilters() {
  const out = {};
  for (const f of FILTERS) if (state[f]) out[f] = state[f];
  return out;
}

/**
 * Results in display order. Pagefind's multisite merge orders by score, which scrambles a date sort across
 * parts; the parts are years, so a date sort asks year by year (each year lives in one part, sorted there).
 */
async function* results(pf, query, filters) {
  if (!state.sort) {
    // Best match: records holding the words as the exact phrase come first (a quote pasted from an answer
    // finds that answer before pages that merely use the same words more often), then every other match.
    // Both searches read the same words' index chunks, so the phrase costs no extra download.
    const seen = new Set();
    if (/\s/.test(query) && !query.includes('"')) {
      for (const r of (await pf.search(`"${query}"`, { filters })).results) {
        seen.add(r.id);
        yield r;
      }
    }
    for (const r of (await pf.search(query, { filters })).results) if (!seen.has(r.id)) yield r;
    return;
  }
  const direction = state.sort === "oldest" ? "asc" : "desc";
  if (parts.length === 1) {
    const r = await pf.search(query, { filters, sort: { date: direction } });
    yield* r.results;
    return;
  }
  const dated = parts.filter((p) => /^\d{4}$/.test(p)).sort();
  if (direction === "desc") dated.reverse();
  const years = [...dated, ...parts.filter((p) => !/^\d{4}$/.test(p))].filter((p) => !filters.year || p === filters.year);
  for (const year of years) {
    const r = await pf.search(query, { filters: { ...filters, year }, sort: { date: direction } });
    yield* r.results;
  }
}

async function search() {
  const id = ++runId;
  writeState();
  list.replaceChildren();
  more.hidden = true;
  const query = state.q.trim();
  if (!query) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  let pf;
  try {
    pf = await load();
  } catch (err) {
    loading = null;
    status.textContent = `The search index could not be loaded (${err?.message ?? err}).`;
    return;
  }
  if (id !== runId) return;
  if (!pf) {
    status.textContent = "There is nothing to search yet.";
    return;
  }
  const filters = activeFilters();
  // Every record has exactly one part, so "any part" changes no result; asking for it loads only the part
  // filter's index (for the counts below), never the speaker, year and place filters'.
  const summary = await pf.search(query, { filters: { ...filters, kind: filters.kind ?? { any: ["answer", "question", "remarks"] } } });
  if (id !== runId) return;
  if (summary.results.length === 0) {
    status.textContent = Object.keys(filters).length
      ? `No answers, questions or remarks match “${query}” with these filters.`
      : `No answers, questions or remarks match “${query}”.`;
    return;
  }
  const kinds = summary.filters.kind ?? {};
  const counts = ["answer", "question", "remarks"].filter((k) => kinds[k]).map((k) => `${KIND_PLURALS[k]} of ${kinds[k]} transcript${kinds[k] === 1 ? "" : "s"}`);
  stream = results(pf, query, filters);
  dropped = 0;
  // Pagefind answers a word it cannot find with the longest prefix it can ("abyss" finds "a"): when the best
  // records are all such, a few more pages are looked at before saying that nothing matches.
  for (let pages = 0; pages < 3 && (pages === 0 || (list.children.length === 0 && !more.hidden)); pages++) await showMore(id);
  if (id !== runId) return;
  // Set last, so "Searching…" stays until the results are on the page.
  if (list.children.length === 0) {
    more.hidden = true;
    status.textContent = `No answers, questions or remarks match “${query}”${Object.keys(filters).length ? " with these filters" : ""}.`;
  } else {
    status.textContent = dropped ? `Passages that contain “${query}”; records that only share the first letters of its words are left out.` : `“${query}” found in ${counts.join(", ")}.`;
  }
}

/** Lower case, accents dropped: how a query word and a highlighted word are compared. */
function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The query's words, folded. */
function queryTerms() {
  return state.q.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(fold);
}

/**
 * Whether an excerpt highlights a word of the query: one that shares at least its first four letters (all of
 * a shorter word) with a query word. Stems and forms pass ("sanctions" for "sanction", "installing" for
 * "installation"); Pagefind's fallback to a prefix it could find ("a" for "abyss", "in" for "inflation")
 * does not.
 */
function isMatch(excerpt, terms) {
  for (const m of excerpt?.matchAll(/<mark>([^<]*)<\/mark>/g) ?? []) {
    for (const word of m[1].split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(fold)) {
      for (const t of terms) {
        let n = 0;
        while (n < word.length && n < t.length && word[n] === t[n]) n++;
        if (n >= Math.min(t.length, 4)) return true;
      }
    }
  }
  return false;
}

async function showMore(id) {
  const batch = [];
  while (batch.length < PAGE_SIZE) {
    const next = await stream.next();
    if (next.done) break;
    batch.push(next.value);
  }
  const terms = queryTerms();
  const loaded = await Promise.all(batch.map((r) => r.data()));
  if (id !== runId) return;
  const datas = loaded.filter((d) => (d.sub_results ?? []).some((x) => x.url.includes("#") && isMatch(x.excerpt, terms)));
  dropped += loaded.length - datas.length;
  // A transcript's answers, questions and remarks are separate records; show them under one heading.
  const groups = new Map();
  for (const data of datas) {
    const key = data.url.split("?")[0];
    const items = list.querySelector(`li[data-url="${CSS.escape(key)}"]`) ?? groups.get(key);
    if (items instanceof Element) items.querySelector("ul").append(...subResults(data));
    else if (items) items.push(data);
    else groups.set(key, [data]);
  }
  for (const [key, group] of groups) list.append(resultItem(key, group));
  more.hidden = batch.length < PAGE_SIZE;
}

function resultItem(key, group) {
  const first = group[0];
  const li = document.createElement("li");
  li.className = "search-result";
  li.dataset.url = key;
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = link(first.url, null);
  a.textContent = first.meta.title ?? key;
  h.append(a);
  const meta = document.createElement("p");
  meta.className = "item-meta";
  meta.textContent = [first.meta.date, first.meta.place].filter(Boolean).join(" · ");
  const subs = document.createElement("ul");
  subs.className = "sub-results";
  for (const data of group) subs.append(...subResults(data));
  li.append(h, meta, subs);
  return li;
}

/** The best sections of one record (one kind of text of one transcript), each linked to its paragraph. */
function subResults(data) {
  const kind = data.filters?.kind?.[0];
  const terms = queryTerms();
  const subs = (data.sub_results ?? []).filter((s) => s.url.includes("#") && isMatch(s.excerpt, terms)).slice(0, 3);
  return subs.map((sub) => {
    const li = document.createElement("li");
    li.dataset.kind = kind ?? "";
    const a = document.createElement("a");
    a.href = preciseUrl(data, sub);
    a.className = "hit";
    // Section headings read "Opening remarks", "Question 3": say which part of the section matched.
    a.textContent = kind === "answer" && /^Question \d+$/.test(sub.title) ? `Answer to ${sub.title.toLowerCase()}` : sub.title;
    const p = document.createElement("p");
    p.className = "excerpt";
    p.append(excerptNode(sub.excerpt));
    li.append(a, p);
    return li;
  });
}

/** Pagefind excerpts carry <mark>; keep only text and marks, whatever else the indexed text held. */
function excerptNode(excerpt) {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html");
  const frag = document.createDocumentFragment();
  for (const node of doc.body.childNodes) {
    if (node.nodeName === "MARK") {
      const m = document.createElement("mark");
      m.textContent = node.textContent;
      frag.append(m);
    } else frag.append(document.createTextNode(node.textContent ?? ""));
  }
  return frag;
}

/** The paragraph anchor just before the first matching word, so a hit opens the exact paragraph. */
function preciseUrl(data, sub) {
  const first = sub.locations?.[0];
  let best = null;
  for (const a of first === undefined ? [] : (data.anchors ?? [])) {
    if (a.id && a.location <= first && (!best || a.location >= best.location)) best = a;
  }
  return link(sub.url, best?.id ?? null);
}

/**
 * A record's URL is its page plus ?kind=... (src/search/records.ts); links go to the page itself, with the
 * search words for highlight.js and, for a hit, the permanent id of the paragraph.
 */
function link(url, id) {
  const u = new URL(url, location.href);
  u.search = "";
  for (const word of state.q.replace(/["“”]/g, " ").split(/\s+/).filter(Boolean)) u.searchParams.append("highlight", word);
  if (id) u.hash = id;
  return u.pathname + u.search + u.hash;
}

let typing = null;
input.value = state.q;
input.addEventListener("focus", () => load().catch(() => (loading = null)), { once: true });
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    state.q = input.value;
    search();
  }, 250);
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(typing);
  state.q = input.value;
  search();
});
more.addEventListener("click", () => showMore(runId));
setUpFilters();
if (state.q) search();
