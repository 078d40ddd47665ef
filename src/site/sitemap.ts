import type { SiteConfig } from "../config/site-config.js";
import { absoluteUrl } from "./urls.js";
import { xmlText } from "./xml.js";

type Site = Pick<SiteConfig, "baseUrl" | "pathPrefix">;

/** sitemap.xml lists absolute URLs only, so it exists only when a base URL is configured. */
export function sitemap(site: Site, paths: string[]): string | null {
  if (!site.baseUrl) return null;
  const urls = [...new Set(paths)].sort().map((p) => `  <url><loc>${xmlText(absoluteUrl(site, p) as string)}</loc></url>\n`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("")}</urlset>\n`;
}

export function robotsTxt(site: Site): string {
  const map = absoluteUrl(site, "/sitemap.xml");
  return `User-agent: *\nAllow: /\n${map ? `\nSitemap: ${map}\n` : ""}`;
}
