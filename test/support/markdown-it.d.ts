// markdown-it ships no type declarations; the tests use only this.
declare module "markdown-it" {
  export default class MarkdownIt {
    constructor(options?: { html?: boolean; linkify?: boolean; typographer?: boolean });
    render(src: string): string;
  }
}
