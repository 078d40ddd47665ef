import type { SiteConfig } from "../config/site-config.js";

/**
 * Pages link to each other with root-relative paths ("/2020/10/05/slug/") and Eleventy's HTML base plugin
 * adds the path prefix. Files written outside Eleventy (feeds, JSON, sitemap) and absolute tags (canonical,
 * OpenGraph) go through these helpers instead, so every link works under a sub-path too.
 */
export function prefixed(site: Pick<SiteConfig, "pathPrefix">, path: string): string {
  return site.pathPrefix + path.replace(/^\//, "");
}

/** The absolute URL of a site path, or null when no base URL is configured (never an invented host). */
export function absoluteUrl(site: Pick<SiteConfig, "pathPrefix" | "baseUrl">, path: string): string | null {
  if (!site.baseUrl) return null;
  return new URL(prefixed(site, path), site.baseUrl).href;
}

/** Absolute when the site knows its host, otherwise the prefixed root-relative path. */
export function publicUrl(site: Pick<SiteConfig, "pathPrefix" | "baseUrl">, path: string): string {
  return absoluteUrl(site, path) ?? prefixed(site, path);
}
