import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/** verbatim.config.json at the project root; every field can be overridden on the command line. */
export const SiteConfigSchema = z
  .object({
    title: z.string().default("Verbatim"),
    description: z.string().default("Transcripts with a permanent link to every answer."),
    /** A BCP 47 language tag ("en", "ru", "pt-BR"): the pages' lang, and the search index's language. */
    language: z.string().refine(isLanguageTag, 'a language tag like "en", "ru" or "pt-BR"').default("en"),
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
  const given = { ...(fromFile as object), ...defined } as Record<string, unknown>;
  const parsed = SiteConfigSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    const value = field in given ? ` ${JSON.stringify(given[field])}` : "";
    // Name the setting where it was given: a command-line flag wins over the file, so it is the one to fix.
    throw new ConfigError(field in defined && FLAGS[field] ? `${FLAGS[field]}${value}: ${issue?.message}` : `${CONFIG_FILE}: ${issue?.path.join(".") || "(root)"}${value}: ${issue?.message}`);
  }
  return reconcileBaseUrl(parsed.data, (field) => (field in defined && FLAGS[field] ? FLAGS[field] : `${CONFIG_FILE}: ${field}`));
}

/** The command-line flag of each setting that has one. */
const FLAGS: Record<string, string> = { title: "--title", description: "--description", language: "--language", baseUrl: "--base-url", pathPrefix: "--path-prefix", input: "--input", output: "--out" };

function isLanguageTag(tag: string): boolean {
  // A two- or three-letter language first: BCP 47 also allows five to eight letters there ("english"), which
  // no language uses, and a browser would not match.
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/iu.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * A base URL with a path ("https://example.org/archive/") says where the site lives: it sets the path prefix
 * when none was given, and must agree with one that was. Stored as the origin plus that prefix.
 */
function reconcileBaseUrl(site: SiteConfig, where: (field: string) => string): SiteConfig {
  if (!site.baseUrl) return site;
  const url = new URL(site.baseUrl);
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  if (path !== "/" && site.pathPrefix !== "/" && site.pathPrefix !== path) {
    throw new ConfigError(`${where("baseUrl")} ${site.baseUrl} ends in ${path} but ${where("pathPrefix")} is ${site.pathPrefix}; give the same sub-path in both, or the host alone in the base URL`);
  }
  const pathPrefix = path !== "/" ? path : site.pathPrefix;
  return { ...site, pathPrefix, baseUrl: `${url.origin}${pathPrefix}` };
}
