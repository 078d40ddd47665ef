// Eleventy 3 ships no type declarations; these cover the parts Verbatim uses.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    config?: (eleventyConfig: { addGlobalData(name: string, value: unknown): void; setUseTemplateCache(use: boolean): void }) => void | Promise<void>;
  }
  export interface TemplateResult {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    content: string;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<[unknown, TemplateResult[]]>;
    toJSON(): Promise<TemplateResult[]>;
  }
  export const HtmlBasePlugin: unknown;
}
