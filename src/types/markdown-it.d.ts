// markdown-it 14 ships no type declarations; this covers the part Verbatim uses (render-one.ts).
declare module "markdown-it" {
  interface MarkdownIt {
    render(src: string): string;
    disable(rule: string | string[]): MarkdownIt;
  }
  export default function markdownIt(options?: { html?: boolean }): MarkdownIt;
}
