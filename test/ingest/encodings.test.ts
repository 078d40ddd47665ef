import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import { MOSCOW } from "../support/paths.js";

/** Real text: an exchange from the Moscow seed (curly quotes) and a Russian Foreign Ministry transcript. */
// (Its no-break spaces are taken out here; turning them into spaces is tested on its own below.)
const ENGLISH = readFileSync(MOSCOW, "utf8").split("\n").slice(84, 89).join("\n").replace(/\u00A0/g, " ") + "\n";
const RUSSIAN = [
  "Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова, Москва, 14 апреля 2021 года",
  "С.В.Лавров: Добрый день, дамы и господа. Мы провели переговоры и обсудили широкий круг вопросов.",
  "Вопрос: Какие итоги переговоров вы считаете главными? Будет ли встреча на высшем уровне?",
  "С.В.Лавров: Главное – мы договорились продолжать диалог, «без предварительных условий».",
  "",
].join("\n");

function ok(bytes: Uint8Array) {
  const d = decode(bytes);
  if (!d.ok) throw new Error(d.reason);
  return d;
}

describe("decoding what publishers and editors save", () => {
  it("reads UTF-8 with and without a byte order mark identically", () => {
    const plain = ok(Buffer.from(ENGLISH, "utf8"));
    const bom = ok(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ENGLISH, "utf8")]));
    expect(plain.text).toBe(ENGLISH);
    expect(bom.text).toBe(ENGLISH);
    expect(bom.notes).toEqual(["UTF-8 byte order mark removed"]);
  });

  it("reads Windows-1252 text with curly quotes", () => {
    const d = ok(iconv.encode(ENGLISH, "windows-1252"));
    expect(d.text).toBe(ENGLISH);
    expect(d.encoding).toBe("windows-1252");
    expect(ENGLISH).toMatch(/[’“”]/);
  });

  it("reads Windows-1251 Russian text", () => {
    const d = ok(iconv.encode(RUSSIAN, "windows-1251"));
    expect(d.text).toBe(RUSSIAN);
    expect(d.encoding).toBe("windows-1251");
  });

  it("reads UTF-16 LE and BE with a byte order mark, and without one", () => {
    for (const enc of ["utf-16le", "utf-16be"] as const) {
      const bom = enc === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff];
      expect(ok(Buffer.concat([Buffer.from(bom), iconv.encode(ENGLISH, enc)])).text).toBe(ENGLISH);
      expect(ok(Buffer.concat([Buffer.from(bom), iconv.encode(RUSSIAN, enc)])).text).toBe(RUSSIAN);
      const bare = ok(iconv.encode(ENGLISH, enc));
      expect(bare.text).toBe(ENGLISH);
      expect(bare.encoding).toBe(enc);
    }
  });

  it("turns CRLF and lone CR into LF", () => {
    expect(ok(Buffer.from(ENGLISH.replace(/\n/g, "\r\n"), "utf8")).text).toBe(ENGLISH);
    expect(ok(Buffer.from(ENGLISH.replace(/\n/g, "\r"), "utf8")).text).toBe(ENGLISH);
    const utf16crlf = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(RUSSIAN.replace(/\n/g, "\r\n"), "utf-16le")]);
    expect(ok(utf16crlf).text).toBe(RUSSIAN);
  });

  it("composes to NFC so that the same word is the same string", () => {
    const decomposed = "Emmanuel Macron a parle\u0301 a\u0300 Bre\u0301gançon.\n".normalize("NFD");
    const d = ok(Buffer.from(decomposed, "utf8"));
    expect(d.text).toBe("Emmanuel Macron a parlé à Brégançon.\n");
    expect(d.text).toBe(d.text.normalize("NFC"));
  });

  it("turns no-break and other wide spaces into plain spaces", () => {
    const d = ok(Buffer.from("Sergey\u00A0Lavrov:\u202Fthe\u2009figure is 2\u00A0billion\u3000euros.\n", "utf8"));
    expect(d.text).toBe("Sergey Lavrov: the figure is 2 billion euros.\n");
  });
});

describe("refusing binary files with a clear reason", () => {
  const cases: [string, number[], RegExp][] = [
    ["a PDF", [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0xe2, 0xe3, 0x00, 0x00, 0x01, 0x02], /PDF document/],
    ["a .docx", [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00], /Word \.docx/],
    ["a PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52], /PNG image/],
  ];
  for (const [what, bytes, reason] of cases) {
    it(`refuses ${what}`, () => {
      const d = decode(Buffer.from(bytes));
      expect(d.ok).toBe(false);
      expect(!d.ok && d.reason).toMatch(/^binary data/);
      expect(!d.ok && d.reason).toMatch(reason);
    });
  }

  it("refuses text riddled with control characters", () => {
    const noisy = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26))));
    const d = decode(noisy);
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toMatch(/binary data/);
  });
});
