import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";

const RUSSIAN = "Вопрос: Как вы оцениваете итоги встречи?\nС.В.Лавров: Спасибо за вопрос.\n";

function text(bytes: Uint8Array): string {
  const d = decode(bytes);
  if (!d.ok) throw new Error(d.reason);
  return d.text;
}

describe("decode", () => {
  it("strips a UTF-8 byte order mark", () => {
    expect(text(Buffer.from("\uFEFFQuestion: Why?\n", "utf8"))).toBe("Question: Why?\n");
  });

  it("decodes UTF-16 LE and BE with a byte order mark", () => {
    expect(text(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(RUSSIAN, "utf-16le")]))).toBe(RUSSIAN);
    expect(text(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(RUSSIAN, "utf-16be")]))).toBe(RUSSIAN);
  });

  it("decodes legacy Windows-1251 and Windows-1252 text", () => {
    expect(text(iconv.encode(RUSSIAN.repeat(5), "windows-1251"))).toBe(RUSSIAN.repeat(5));
    expect(text(iconv.encode("Foreign Minister’s remarks — “in full” at the café.\n", "windows-1252"))).toBe("Foreign Minister’s remarks — “in full” at the café.\n");
  });

  it("normalises line endings, no-break spaces and Unicode composition", () => {
    expect(text(Buffer.from("Sergey\u00A0Lavrov:\r\nCafe\u0301\rend", "utf8"))).toBe("Sergey Lavrov:\nCafé\nend");
  });

  it("refuses binary data with a reason", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const d = decode(png);
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toMatch(/binary/);
  });
});
