import { describe, expect, it } from "vitest";
import { parseTranscript } from "../../src/parse/parse.js";
import { atomFeed, feedId, jsonFeed } from "../../src/site/feeds.js";
import { published } from "../../src/site/published.js";
import { xmlText } from "../../src/site/xml.js";

const site = { title: "T & <T>", description: "d", language: "en", baseUrl: null, pathPrefix: "/archive/" };

describe("feeds", () => {
  it("escapes markup and drops characters XML 1.0 cannot carry", () => {
    expect(xmlText(`a\u0007b\u0000c & <d> "e" 'f' ]]>`)).toBe("abc &amp; &lt;d&gt; &quot;e&quot; &apos;f&apos; ]]&gt;");
    expect(xmlText("lone \uD800 surrogate, pair \uD83D\uDE00 kept")).toBe("lone  surrogate, pair \uD83D\uDE00 kept");
    expect(xmlText("tab\tnewline\ncr\r")).toBe("tab\tnewline\ncr\r");
  });

  it("gives stable name-based ids without a base URL and page URLs with one", () => {
    const id = feedId(site, "/2020/10/05/x/");
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(feedId(site, "/2020/10/05/x/")).toBe(id);
    expect(feedId(site, "/2020/10/05/y/")).not.toBe(id);
    expect(feedId({ ...site, baseUrl: "https://example.org/archive/" }, "/2020/10/05/x/")).toBe("https://example.org/archive/2020/10/05/x/");
  });

  it("lists dated transcripts newest first, with prefixed links, and leaves undated ones out", () => {
    const a = parseTranscript("Briefing on A, Moscow, October 5, 2020\n\nQuestion: Why?\n\nSergey Lavrov: Because.\n");
    const b = parseTranscript("Briefing on B, Sochi, February 7, 2018\n\nQuestion: When?\n\nSergey Lavrov: Then.\n");
    const c = parseTranscript("An undated interview\n\nQuestion: Who?\n\nSergey Lavrov: Me.\n");
    const all = published([{ file: "b.txt", t: b }, { file: "c.txt", t: c }, { file: "a.txt", t: a }]);
    const atom = atomFeed(site, all);
    expect([...atom.matchAll(/<entry>\s*<title>([^<]*)</g)].map((m) => m[1])).toEqual([a.title, b.title]);
    expect(atom).toContain('<link rel="self" type="application/atom+xml" href="/archive/feed.xml"/>');
    expect(atom).toContain("<title>T &amp; &lt;T&gt;</title>");
    expect(atom).toContain("<updated>2020-10-05T00:00:00Z</updated>");
    const json = JSON.parse(jsonFeed(site, all)) as { items: { url: string }[]; feed_url?: string };
    expect(json.items.map((i) => i.url)).toEqual([all[0]!.path, all[1]!.path].map((p) => `/archive${p}`));
    expect(json.feed_url).toBeUndefined();
  });
});
