import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSiteConfig } from "../../src/config/site-config.js";
import { absoluteUrl, prefixed, publicUrl } from "../../src/site/urls.js";

function project(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), "verbatim-config-"));
  writeFileSync(join(dir, "verbatim.config.json"), JSON.stringify(config));
  return dir;
}

describe("site configuration", () => {
  it("reads verbatim.config.json and lets command-line values win", () => {
    const root = project({ title: "Archive", pathPrefix: "/a/", baseUrl: "https://example.org" });
    expect(loadSiteConfig(root)).toMatchObject({ title: "Archive", pathPrefix: "/a/", baseUrl: "https://example.org/a/" });
    expect(loadSiteConfig(root, { pathPrefix: "/b/", title: undefined })).toMatchObject({ title: "Archive", pathPrefix: "/b/", baseUrl: "https://example.org/b/" });
  });

  it("takes the path prefix from a base URL with a path, and refuses two different sub-paths", () => {
    const root = project({});
    expect(loadSiteConfig(root, { baseUrl: "https://example.org/archive" })).toMatchObject({ pathPrefix: "/archive/", baseUrl: "https://example.org/archive/" });
    expect(() => loadSiteConfig(root, { baseUrl: "https://example.org/archive/", pathPrefix: "/other/" })).toThrow(/^--base-url https:\/\/example.org\/archive\/ ends in \/archive\/ but --path-prefix is \/other\//);
  });

  it("names the setting to fix where it was given, with the value it had", () => {
    const root = project({ language: "english", title: "Archive" });
    // The command line's value is the one used, so the flag is the one named.
    expect(() => loadSiteConfig(root, { baseUrl: "ftp://example.org", language: "en" })).toThrow(/^--base-url "ftp:\/\/example.org": an absolute http\(s\) URL/);
    expect(() => loadSiteConfig(root, { pathPrefix: "archive", language: "ru" })).toThrow(/^--path-prefix "archive": a path like "\/" or "\/archive\/"$/);
    expect(() => loadSiteConfig(root)).toThrow(/^verbatim.config.json: language "english": a language tag like "en", "ru" or "pt-BR"$/);
    expect(() => loadSiteConfig(root, { language: "12" })).toThrow(/^--language "12": a language tag/);
    expect(loadSiteConfig(root, { language: "pt-BR" }).language).toBe("pt-BR");
  });

  it("builds public URLs from the prefix and base URL, and no absolute URL without a base", () => {
    const sub = { pathPrefix: "/archive/", baseUrl: "https://example.org/archive/" };
    expect(prefixed(sub, "/2020/10/05/x/")).toBe("/archive/2020/10/05/x/");
    expect(absoluteUrl(sub, "/feed.xml")).toBe("https://example.org/archive/feed.xml");
    expect(absoluteUrl({ pathPrefix: "/archive/", baseUrl: null }, "/feed.xml")).toBeNull();
    expect(publicUrl({ pathPrefix: "/archive/", baseUrl: null }, "/feed.xml")).toBe("/archive/feed.xml");
  });
});
