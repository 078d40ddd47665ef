import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/** verbatim.config.json at the project root; every field can be overridden on the command line. */
export const SiteConfigSchema = z
  .object({
    title: z.string().default("Verbatim"),
    description: z.string().default("Transcripts with a permanent link to every answer."),
    language: z.string().default("en"),
    /** Absolute URL the site is served from, for feeds, canonical and OpenGraph links. */
    baseUrl: z
      .string()
      .regex(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, 'an absolute http(s) URL like "https://example.org" or "https://example.org/archive/"')
      .nullable()
      .default(null),
    /** Sub-path the site is hosted under, e.g. "/archive/". */
    pathPrefix: z.string().regex(/^\/(?:[^/\s]+\/)*$/, 'a path like "/" or "/archive/"').default("/"),
    input: z.string().default("content/transcripts"),
    output: z.string().default("_site"),
    /** Speaker name aliases: label as written -> canonical name. */
    aliases: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type SiteConfig = z.infer<typeof SiteConfigSchema>;

export const CONFIG_FILE = "verbatim.config.json";

/** A setting that cannot be used; the message names the setting and what is wrong with it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadSiteConfig(root = process.cwd(), overrides: Partial<SiteConfig> = {}): SiteConfig {
  const path = resolve(root, CONFIG_FILE);
  let fromFile: unknown = {};
  if (existsSync(path)) {
    try {
      fromFile = JSON.parse(readFileSync(path, "utf8"));
    } catch (err) {
      throw new ConfigError(`${CONFIG_FILE}: not valid JSON (${(err as Error).message})`);
    }
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const parsed = SiteConfigSchema.safeParse({ ...(fromFile as object), ...defined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${CONFIG_FILE}: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return reconcileBaseUrl(parsed.data);
}

/**
 * A base URL with a path ("https://example.org/archive/") says where the site lives: it sets the path prefix
 * when none was given, and must agree with one that was. Stored as the origin plus that prefix.
 */
function reconcileBaseUrl(site: SiteConfig): SiteConfig {
  if (!site.baseUrl) return site;
  const url = new URL(site.baseUrl);
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  if (path !== "/" && site.pathPrefix !== "/" && site.pathPrefix !== path) {
    throw new ConfigError(`${CONFIG_FILE}: baseUrl ${site.baseUrl} ends in ${path} but pathPrefix is ${site.pathPrefix}; give the same sub-path in both, or the host alone in baseUrl`);
  }
  const pathPrefix = path !== "/" ? path : site.pathPrefix;
  return { ...site, pathPrefix, baseUrl: `${url.origin}${pathPrefix}` };
}
