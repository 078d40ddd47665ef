// Search page: loads Pagefind only when there is something to search for, and links every hit to the
// paragraph that matched (its permanent id), with the search terms highlighted on arrival.
const siteRoot = new URL("../", import.meta.url);
const form = document.getElementById("search_form");
const input = document.getElementById("search_q");
const status = document.getElementById("search_status");
const list = document.getElementById("search_results");
let pagefind = null;

async function load() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname, highlightParam: "highlight" });
  }
  return pagefind;
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
  if (first === undefined || !data.anchors) return sub.url;
  let best = null;
  for (const a of data.anchors) {
    if (a.location <= first && (!best || a.location >= best.location)) best = a;
  }
  if (!best || !best.id) return sub.url;
  const u = new URL(sub.url, location.href);
  u.hash = best.id;
  return u.pathname + u.search + u.hash;
}

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  const pf = await load();
  const search = await pf.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (results.length === 0) {
    status.textContent = `No answers match “${query}”.`;
    return;
  }
  status.textContent = `${search.results.length} transcript${search.results.length === 1 ? "" : "s"} match “${query}”.`;
  for (const data of results) {
    const li = document.createElement("li");
    li.className = "search-result";
    const h = document.createElement("h2");
    const a = document.createElement("a");
    a.href = data.url;
    a.textContent = data.meta.title ?? data.url;
    h.append(a);
    const meta = document.createElement("p");
    meta.className = "item-meta";
    meta.textContent = [data.meta.date, data.meta.place].filter(Boolean).join(" · ");
    li.append(h, meta);
    const subs = document.createElement("ul");
    subs.className = "sub-results";
    for (const sub of (data.sub_results ?? []).slice(0, 5)) {
      const sli = document.createElement("li");
      const sa = document.createElement("a");
      sa.href = preciseUrl(data, sub);
      sa.className = "hit";
      sa.textContent = sub.title;
      const p = document.createElement("p");
      p.append(excerptNode(sub.excerpt));
      sli.append(sa, p);
      subs.append(sli);
    }
    li.append(subs);
    list.append(li);
  }
}

const initial = new URLSearchParams(location.search).get("q") ?? "";
input.value = initial;
form.addEventListener("submit", (e) => {
  e.preventDefault();
  const q = input.value;
  history.replaceState(null, "", `?q=${encodeURIComponent(q)}`);
  run(q);
});
if (initial) run(initial);
