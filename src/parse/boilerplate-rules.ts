/**
 * Site and blog furniture that is not part of what was said. Rules are data so that publishers' quirks
 * are added here (or in configuration) rather than as conditions spread through the parser.
 * A removed line is never dropped silently: it lands in Transcript.removed with its rule name.
 */
export interface BoilerplateRule {
  name: string;
  /** Tested against the trimmed line. */
  pattern: RegExp;
  /** Only in the header/footer zone (before the first turn / after the last sentence), or anywhere. */
  where: "edges" | "anywhere";
}

export const DEFAULT_BOILERPLATE_RULES: BoilerplateRule[] = [
  { name: "separator", pattern: /^(?:([_*=~#•·.\-–—])\s*\1?\s*){3,}$/u, where: "anywhere" },
  { name: "blog-disclaimer", pattern: /^The views expressed in this (?:article|post|blog|piece)\b/iu, where: "edges" },
  {
    name: "blog-furniture",
    pattern: /^(?:(?:Newer Posts?|Older Posts?|Home)\s*){2,}$|^(?:Email This|BlogThis!|Share to (?:X|Twitter|Facebook|Pinterest))+$|^(?:No comments:?|\d+ comments?:?|Post a Comment|Newer Post|Older Post|Home|Subscribe to:.*|Share this:?|Share on \w+|Labels?:.*|Posted by .{1,60}|Email This|BlogThis!|Share to (?:Twitter|Facebook|Pinterest)|Related posts?:?)$/iu,
    where: "edges",
  },
  {
    name: "site-furniture",
    pattern: /^(?:Advanced settings|Direct link:?.*|Print version|Version for print|Print|Send by e-?mail|Back to top|Go to top|Top of page|Read more|Photo gallery|Video|Audio|Tags?:.*|Share|Tweet)$/iu,
    where: "edges",
  },
  {
    name: "language-bar",
    pattern: /^(?:(?:English|Русский|Français|Deutsch|Español|Português|Italiano|العربية|中文|日本語|EN|RU|FR|DE|ES)\s*[|/·•,]?\s*){2,}$/u,
    where: "edges",
  },
  {
    name: "language-bar",
    pattern: /^(?:English|Русский|Français|Deutsch|Español|Português|Italiano|العربية|中文|日本語|Українська|Polski|Türkçe|Slovenčina|Čeština)$/u,
    where: "edges",
  },
  { name: "delivery-note", pattern: /^[([]?\s*(?:check against delivery|as delivered|as prepared for delivery|unofficial translation|e\s*&\s*oe|e\.?\s*&\s*o\.?\s*e\.?|embargoed until delivery|(?:rush |unofficial )?transcript)\s*[)\].]?$/iu, where: "edges" },
  { name: "page-type", pattern: /^(?:speech|press release|news story|news|events|statement|readout|interview|remarks|article|briefing|transcripts?|speeches and remarks|statements and releases)$/iu, where: "edges" },
  { name: "breadcrumb", pattern: /^(?:home|main page|main|news|главная)\s*(?:[/›>»|]\s*[^/›>»|]{1,60}){1,6}$/iu, where: "edges" },
  // A video transcript's running time on a line of its own ("00:12:30", "[12:30]") is not speech.
  { name: "timestamp", pattern: /^[[(]?\d{1,2}:\d{2}:\d{2}[\])]?$|^[[(]\d{1,2}:\d{2}[\])]$/u, where: "anywhere" },
  { name: "time-of-day", pattern: /^[[(]?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:\(?[A-Z]{2,5}\)?)?[\])]?$/iu, where: "edges" },
  {
    name: "site-furniture",
    pattern: /^(?:Log ?in|Sign ?in|Register|Contact(?: us)?|Site ?map|Accessibility|Newsletter|RSS|Publication status|Published in sections?:.*|Text version|Download(?: as \w+)?|Copy link|Permalink|Send|Subscribe|Follow us(?: on .{1,30})?|Skip to (?:main )?content|Menu|Search|Print this page|Share this page|Listen|Photos?|Videos?)$/iu,
    where: "edges",
  },
];

/** "Zdroj a ilustračné foto: http://..." and friends: a credit line that carries the source URL. */
export const SOURCE_LINE = /^(?<label>(?:source|sources|zdroj|quelle|источник|fuente|fonte|original|originally published (?:at|on|by)|read (?:the )?original|link|direct link|permalink|url)\b[^:]{0,40}):?\s*(?<url>https?:\/\/\S+)$/iu;
