// On a transcript page reached from search (?highlight=...), mark the search terms. Loaded only then.
if (new URLSearchParams(location.search).has("highlight")) {
  const siteRoot = new URL("../", import.meta.url);
  import(new URL("pagefind/pagefind-highlight.js", siteRoot).href).then((mod) => {
    const PagefindHighlight = mod.default ?? window.PagefindHighlight;
    new PagefindHighlight({ highlightParam: "highlight" });
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  });
}
