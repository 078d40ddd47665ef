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
    expect(() => loadSiteConfig(root, { baseUrl: "https://example.org/archive/", pathPrefix: "/other/" })).toThrow(/ends in \/archive\/ but pathPrefix is \/other\//);
    expect(() => loadSiteConfig(root, { baseUrl: "ftp://example.org" })).toThrow(/baseUrl: an absolute http\(s\) URL/);
    expect(() => loadSiteConfig(root, { pathPrefix: "archive" })).toThrow(/pathPrefix/);
  });

  it("builds public URLs from the prefix and base URL, and no absolute URL without a base", () => {
    const sub = { pathPrefix: "/archive/", baseUrl: "https://example.org/archive/" };
    expect(prefixed(sub, "/2020/10/05/x/")).toBe("/archive/2020/10/05/x/");
    expect(absoluteUrl(sub, "/feed.xml")).toBe("https://example.org/archive/feed.xml");
    expect(absoluteUrl({ pathPrefix: "/archive/", baseUrl: null }, "/feed.xml")).toBeNull();
    expect(publicUrl({ pathPrefix: "/archive/", baseUrl: null }, "/feed.xml")).toBe("/archive/feed.xml");
  });
});
