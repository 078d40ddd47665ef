import { isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv from "iconv-lite";

export type DecodeResult =
  | { ok: true; text: string; encoding: string; notes: string[] }
  | { ok: false; reason: string };

/** Control characters other than tab, LF, CR, FF: a text file has (almost) none of them. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/g;

/**
 * Bytes -> text. Decodes by BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then a detected legacy
 * encoding. Refuses data that looks binary instead of publishing garbage.
 */
export function decode(bytes: Uint8Array): DecodeResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notes: string[] = [];
  let text: string;
  let encoding: string;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    encoding = "utf-8";
    text = buf.subarray(3).toString("utf8");
    notes.push("UTF-8 byte order mark removed");
  } else if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = "utf-16le";
    text = iconv.decode(buf.subarray(2), "utf-16le");
  } else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    encoding = "utf-16be";
    text = iconv.decode(buf.subarray(2), "utf-16be");
  } else if (bomlessUtf16(buf)) {
    encoding = bomlessUtf16(buf) as string;
    text = iconv.decode(buf, encoding);
    notes.push(`no byte order mark; decoded as ${encoding}`);
  } else if (looksBinary(buf)) {
    const kind = knownBinary(buf);
    return { ok: false, reason: `binary data${kind ? ` (looks like ${kind})` : " (NUL bytes or control characters)"}, not a text transcript; save it as plain text first` };
  } else if (isValidUtf8(buf)) {
    encoding = "utf-8";
    text = buf.toString("utf8");
  } else {
    const detected = chardet.detect(buf) ?? "windows-1252";
    // chardet names ISO-8859-x where the text is usually the Windows superset; decode with the superset
    // so that curly quotes and dashes in 0x80-0x9F survive.
    encoding = legacySuperset(detected);
    if (!iconv.encodingExists(encoding)) encoding = "windows-1252";
    text = iconv.decode(buf, encoding);
    notes.push(`not UTF-8; decoded as ${encoding}`);
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(8, text.length / 1000)) {
    return { ok: false, reason: `binary data (${controls} control characters after decoding as ${encoding})` };
  }
  return { ok: true, text: normalise(text), encoding, notes };
}

/**
 * Line endings to LF, Unicode NFC, no-break and other exotic spaces to plain spaces, stray control
 * characters dropped. Word content is unchanged; only how it is encoded.
 */
export function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000]/g, " ")
    .replace(CONTROL, "")
    .normalize("NFC");
}

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive, e.g. a Word .docx file"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Word .doc file"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x7f, 0x45, 0x4c, 0x46], "an executable"],
  [[0x1f, 0x8b], "a gzip archive"],
];

function knownBinary(buf: Buffer): string | null {
  return MAGIC.find(([magic]) => magic.every((b, i) => buf[i] === b))?.[1] ?? null;
}

/** UTF-16 saved without a byte order mark: every other byte is NUL for Latin text. */
function bomlessUtf16(buf: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0, oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.7 && evenNul / pairs < 0.05) return "utf-16le";
  if (evenNul / pairs > 0.7 && oddNul / pairs < 0.05) return "utf-16be";
  return null;
}

function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8192);
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) suspicious++;
  }
  return suspicious > Math.max(4, sample.length / 100);
}

/** Strict validation without decoding (the text is decoded once, after). */
function isValidUtf8(buf: Buffer): boolean {
  return isUtf8(buf);
}

function legacySuperset(name: string): string {
  const n = name.toLowerCase();
  if (n === "iso-8859-1" || n === "ascii") return "windows-1252";
  if (n === "iso-8859-5" || n === "koi8-r") return n === "koi8-r" ? "koi8-r" : "windows-1251";
  if (n === "iso-8859-2") return "windows-1250";
  return n;
}
