import { describe, expect, it } from "vitest";
import { DEFAULT_BOILERPLATE_RULES, SOURCE_LINE } from "../../src/parse/boilerplate-rules.js";

function ruleFor(line: string): string | undefined {
  return DEFAULT_BOILERPLATE_RULES.find((r) => r.pattern.test(line.trim()))?.name;
}

describe("boilerplate rules", () => {
  it("recognise site and blog furniture as publishers print it", () => {
    const furniture: [string, string][] = [
      ["____________________________", "separator"],
      ["* * * * *", "separator"],
      ["The views expressed in this article are the sole responsibility of the author and do not necessarily reflect those of the Blog!", "blog-disclaimer"],
      ["No comments:", "blog-furniture"],
      ["Newer Post Older Post Home", "blog-furniture"],
      ["Email ThisBlogThis!Share to XShare to FacebookShare to Pinterest", "blog-furniture"],
      ["Subscribe to: Post Comments (Atom)", "blog-furniture"],
      ["Posted by Tony at 10:15 AM", "blog-furniture"],
      ["Advanced settings", "site-furniture"],
      ["English | Русский | Français | Español", "language-bar"],
      ["Русский", "language-bar"],
      ["CHECK AGAINST DELIVERY", "delivery-note"],
      ["[Check against delivery]", "delivery-note"],
      ["E&OE", "delivery-note"],
      ["Home / News / Statements", "breadcrumb"],
      ["Speech", "page-type"],
      ["1:18 p.m. EDT", "time-of-day"],
      ["Publication status", "site-furniture"],
      ["00:12:30", "timestamp"],
      ["[12:30]", "timestamp"],
    ];
    expect(furniture.map(([line]) => [line, ruleFor(line)])).toEqual(furniture);
  });

  it("leave what was said alone", () => {
    const speech = [
      "Thank you very much.",
      "Home is where the heart is, as they say.",
      "English is not my native language, so forgive me.",
      "Question: Will Russia attend the summit?",
      "Colleagues,",
      "Video: we have all seen it.",
      "Print media have a role to play.",
      "The separation of powers – as you know – is a principle of our Constitution.",
    ];
    expect(speech.filter((line) => ruleFor(line) !== undefined)).toEqual([]);
  });

  it("read a source credit with its URL", () => {
    expect("Zdroj a ilustračné foto: http://www.mid.ru/ru/press_service/minister_speeches/-/asset_publisher/7OvQR5KJWVmR/content/id/3060472".match(SOURCE_LINE)?.groups?.url).toMatch(/^http:\/\/www\.mid\.ru\//);
    expect("Direct link: http://en.kremlin.ru/events/president/news/67735".match(SOURCE_LINE)?.groups?.url).toBe("http://en.kremlin.ru/events/president/news/67735");
    expect(SOURCE_LINE.test("See http://example.org for the full text, which was long.")).toBe(false);
  });
});
