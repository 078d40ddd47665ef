const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "{": "&#123;", "\n": "&#10;", "\r": "&#13;" };

/**
 * Transcript text is always shown as text. Escaping `&<>"'` is enough for element content and quoted
 * attributes; Markdown never sees this text because it sits inside HTML blocks (see src/emit/body.ts).
 * `{` is escaped too so that no template language can ever read `{{`/`{%` in output as its own syntax, and
 * line breaks are written as character references: Markdown ends an HTML block at a blank line, and a text
 * holding "\n\n" (or "\r\r", which markdown-it reads as two line breaks) must never end one.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'{\n\r]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Marks a string as already-safe HTML for the `html` tagged template. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const raw = (value: string): SafeHtml => new SafeHtml(value);

type Interpolation = string | number | SafeHtml | null | undefined | false | readonly Interpolation[];

/** Tagged template that escapes every interpolated value unless it is SafeHtml (or an array of them). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

function render(v: Interpolation): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}
