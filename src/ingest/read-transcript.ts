import { readFile, stat } from "node:fs/promises";
import { decode } from "./decode.js";

export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "file name too long",
};

export type ReadResult =
  | { ok: true; text: string; encoding: string; notes: string[]; bytes: Buffer }
  | { ok: false; reason: string };

/** The only I/O of the ingest stage: one file -> decoded text, or a reason it cannot be read. */
export async function readTranscript(path: string, maxBytes = MAX_TRANSCRIPT_BYTES): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: "not a regular file" };
    if (info.size > maxBytes) {
      return { ok: false, reason: `file is ${info.size} bytes, over the limit of ${maxBytes} bytes` };
    }
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot read file: ${(code && ERRNO_TEXT[code]) ?? code ?? String(err)}` };
  }
  return decodeTranscript(bytes);
}

/** The checks and decoding of readTranscript for bytes already read (the build's cache reads them to hash them). */
export function decodeTranscript(bytes: Buffer): ReadResult {
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === "") return { ok: false, reason: "file contains only whitespace" };
  return { ...decoded, bytes };
}
