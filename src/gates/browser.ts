import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { REDIRECT_SCRIPT } from "../site/templates/redirect.js";

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

/** axe-core's own source, injected into the page: no network, no CDN. */
async function axe(): Promise<string> {
  axeSource ??= await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is now; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: await axe() });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}

/** The hostile corpus sets this global (and calls alert) if any of its markup ever runs. */
export const PWNED_GLOBAL = "__verbatimPwned";

/**
 * Installs the trap before any page script runs: dialogs (alert/confirm/prompt) are recorded and dismissed.
 * Call once per page, before navigation.
 */
export async function armScriptTrap(page: Page): Promise<{ dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { dialogs };
}

/**
 * What on the loaded page could run code that did not come from the site itself: the hostile global set,
 * inline event handlers, `javascript:` URLs, scripts other than the site's own, frames and objects.
 * Hovers and clicks nothing: markup that is escaped text has no handlers to trigger, which this proves.
 */
export async function injectedCode(page: Page): Promise<string[]> {
  return page.evaluate(([pwned, redirectScript]) => {
    const found: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    if (w[pwned] !== undefined) found.push(`script ran: window.${pwned} = ${JSON.stringify(w[pwned])}`);
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
        if (/^(?:href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(?:javascript|vbscript|data):/i.test(a.value)) {
          // The favicon is the site's own empty data: URL, not transcript text.
          if (!(el.localName === "link" && a.value === "data:,")) found.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
        }
      }
    }
    for (const s of Array.from(document.scripts)) {
      const src = s.getAttribute("src") ?? "";
      // A redirect page's one inline script is a constant of the site (its target is an escaped attribute).
      if (!src && s.textContent === redirectScript) continue;
      if (!/^\/(?:[^/]+\/)*(?:assets|pagefind)\/[\w.-]+\.js$/.test(src)) found.push(`<script${src ? ` src="${src}"` : ""}>${(s.textContent ?? "").slice(0, 60)}`);
    }
    for (const el of Array.from(document.querySelectorAll("iframe, frame, object, embed, svg, math, meta[http-equiv], base, form:not(.site-search):not(.search-form)"))) found.push(`<${el.localName}> element`);
    return found;
  }, [PWNED_GLOBAL, REDIRECT_SCRIPT] as const);
}
