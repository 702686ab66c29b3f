// Uploaded files shared by every module: the real type from the bytes, reading multipart files, storing them so a
// failed write leaves nothing behind, and serving them back with safe headers.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FileStore } from '../../adapters/file-store.js';
import { AppError } from '../../errors.js';
import { contentDisposition } from './download.js';

/** A recognised file type. */
export interface FileKind {
  mime: string;
  ext: string;
  /** Only images open in the browser; PDFs (which can carry scripts) and Office documents download. */
  inline: boolean;
  /** The first bytes (at least 12) that mark the type. */
  head: (b: Buffer) => boolean;
  /** Names that must also appear somewhere in the file: the zip entry names of an Office document. */
  contains?: readonly string[];
  /** The whole-file test: `head` and every `contains`. */
  test: (b: Buffer) => boolean;
}

type KindSpec = Omit<FileKind, 'test'>;
const kind = (k: KindSpec): FileKind => ({
  ...k,
  test: (b) => k.head(b) && (k.contains ?? []).every((m) => b.includes(m, 0, 'latin1')),
});

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');
// A zip (OOXML) whose entry names, stored uncompressed in the headers, mark it as a Word or Excel document.
const zip = (b: Buffer) => ascii(b, 0, 4) === 'PK\u0003\u0004';

const JPG = kind({
  mime: 'image/jpeg',
  ext: 'jpg',
  inline: true,
  head: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
});
const PNG = kind({
  mime: 'image/png',
  ext: 'png',
  inline: true,
  head: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
});
const WEBP = kind({
  mime: 'image/webp',
  ext: 'webp',
  inline: true,
  head: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
});
const PDF = kind({ mime: 'application/pdf', ext: 'pdf', inline: false, head: (b) => ascii(b, 0, 5) === '%PDF-' });
const DOCX = kind({
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ext: 'docx',
  inline: false,
  head: zip,
  contains: ['[Content_Types].xml', 'word/document.xml'],
});
const XLSX = kind({
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ext: 'xlsx',
  inline: false,
  head: zip,
  contains: ['[Content_Types].xml', 'xl/workbook.xml'],
});

/** Photos and scans (activities). */
export const IMAGE_PDF_KINDS: readonly FileKind[] = [JPG, PNG, WEBP, PDF];
/** Photos, scans and Office documents (社情民意 items and their replies). */
export const DOCUMENT_KINDS: readonly FileKind[] = [JPG, PNG, WEBP, PDF, DOCX, XLSX];

/** The allowed-types list shown in the 415 message. */
export const allowedLabel = (kinds: readonly FileKind[]) => kinds.map((k) => k.ext.toUpperCase()).join('、');

/** Detects the real type from magic bytes; the client's claimed type and file name are not trusted. */
export function sniffType(b: Buffer, kinds: readonly FileKind[] = IMAGE_PDF_KINDS): FileKind | null {
  return kinds.find((k) => b.length >= 12 && k.test(b)) ?? null;
}

/** A checked file in memory, ready to store. */
export interface Upload {
  data: Buffer;
  type: FileKind;
  filename: string;
}

/** A stored file: the row fields every attachment table keeps. */
export interface StoredUpload {
  filename: string;
  mime: string;
  size: number;
  storageKey: string;
}

/**
 * The name with the extension of the type the bytes proved: the client's extension (poly.html on a PNG) is replaced,
 * so neither the stored name nor a download ever suggests another type.
 */
export function nameWithExtension(filename: string, ext: string): string {
  const clean = Array.from(filename)
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127 && c !== '/' && c !== '\\')
    .join('')
    .trim();
  const stem = Array.from(clean.replace(/\.[A-Za-z0-9]{1,10}$/, '').replace(/[.\s]+$/, ''))
    .slice(0, 190)
    .join('');
  return `${stem || 'file'}.${ext}`;
}

/** Checks bytes against the allowed kinds (415 otherwise) and names the file after its real type. */
export function checkUpload(data: Buffer, filename: string, kinds: readonly FileKind[]): Upload {
  const type = sniffType(data, kinds);
  if (!type) throw new AppError('unsupported_file_type', { allowed: allowedLabel(kinds) });
  return { data, type, filename: nameWithExtension(filename, type.ext) };
}

/** The size limit of the multipart plugin, raised the way the plugin raises it (→ 413 `payload_too_large`). */
class FileTooLargeError extends Error {
  readonly code = 'FST_REQ_FILE_TOO_LARGE';
  readonly statusCode = 413;
  constructor() {
    super('request file too large');
  }
}

/** How much of the start of a file is held to recognise its type. */
const HEAD_BYTES = 64 * 1024;

/**
 * Recognises the type while the bytes stream past: candidates from the head (as `sniffType` would), and for Office
 * documents their entry names searched across chunk boundaries, so the answer equals `sniffType` on the whole file.
 */
function createSniffer(head: Buffer, kinds: readonly FileKind[]) {
  const candidates = head.length >= 12 ? kinds.filter((k) => k.head(head)) : [];
  const markers = [...new Set(candidates.flatMap((k) => k.contains ?? []))];
  const found = new Set(markers.filter((m) => head.includes(m, 0, 'latin1')));
  const keep = Math.max(0, ...markers.map((m) => m.length - 1));
  let tail = Buffer.from(head.subarray(Math.max(0, head.length - keep)));
  const result = () => candidates.find((k) => (k.contains ?? []).every((m) => found.has(m))) ?? null;
  return {
    possible: candidates.length > 0,
    // The storage key's extension: the type when the head proves it, `zip` while an Office type is still open (the
    // row's mime records the proven type; the key's extension is only a name).
    ext: result()?.ext ?? 'zip',
    feed(chunk: Buffer) {
      if (found.size === markers.length) return;
      const window = Buffer.concat([tail, chunk]);
      for (const m of markers) if (!found.has(m) && window.includes(m, 0, 'latin1')) found.add(m);
      tail = Buffer.from(window.subarray(Math.max(0, window.length - keep)));
    },
    result,
  };
}

/**
 * Streams one multipart file into the store with bounded memory: the type is recognised from the bytes (the first
 * 64 KiB, and Office entry names on the way), past the size limit → 413, a type not allowed → 415; either way nothing
 * stays in the store. Returns the stored file, which the caller's `storeWith` records (or removes when that fails).
 */
export async function streamUpload(
  store: FileStore,
  file: MultipartFile,
  kinds: readonly FileKind[],
): Promise<StoredUpload> {
  const it: AsyncIterator<Buffer> = file.file[Symbol.asyncIterator]();
  const checkSize = () => {
    if (file.file.truncated) throw new FileTooLargeError();
  };
  const head: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < HEAD_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
    checkSize();
  }
  const first = Buffer.concat(head);
  const sniffer = createSniffer(first, kinds);
  const refuse = () => new AppError('unsupported_file_type', { allowed: allowedLabel(kinds) });
  if (!sniffer.possible) {
    // Read (and drop) the rest as the plugin would, so a file both too large and of a wrong type is a 413.
    if (!ended) for (let next = await it.next(); !next.done; next = await it.next()) checkSize();
    checkSize();
    throw refuse();
  }
  async function* bytes() {
    yield first;
    if (!ended)
      for (let next = await it.next(); !next.done; next = await it.next()) {
        checkSize();
        sniffer.feed(next.value);
        yield next.value;
      }
    checkSize();
  }
  const put = await store.putStream(bytes(), sniffer.ext);
  const type = sniffer.result();
  if (!type) {
    await store.remove(put.key);
    throw refuse();
  }
  return { filename: nameWithExtension(file.filename, type.ext), mime: type.mime, size: put.size, storageKey: put.key };
}

/** Reads a multipart file to its end without keeping it (a file part with no name). */
export async function drainUpload(file: MultipartFile): Promise<void> {
  for await (const _ of file.file) {
    // dropped
  }
}

/** Removes files already in the store (a request that failed after streaming them); never throws. */
export async function discardStored(store: FileStore, stored: readonly StoredUpload[]): Promise<void> {
  await Promise.all(stored.map((s) => store.remove(s.storageKey).catch(() => undefined)));
}

/**
 * Puts the files in the store (files in memory; streamed files are there already), then runs `write` (the database
 * transaction that records them); when anything fails every one of the files is removed again, so a refused write
 * leaves no orphan files.
 */
export async function storeWith<T>(
  store: FileStore,
  uploads: readonly (Upload | StoredUpload)[],
  write: (stored: StoredUpload[]) => Promise<T>,
): Promise<T> {
  // Everything in the store that a failure must remove: the streamed files from the start, the others once put.
  const kept: StoredUpload[] = uploads.filter((u): u is StoredUpload => !('data' in u));
  try {
    const stored: StoredUpload[] = [];
    for (const u of uploads) {
      if (!('data' in u)) {
        stored.push(u);
        continue;
      }
      const storageKey = await store.put(u.data, u.type.ext);
      const s = { filename: u.filename, mime: u.type.mime, size: u.data.length, storageKey };
      kept.push(s);
      stored.push(s);
    }
    return await write(stored);
  } catch (e) {
    await discardStored(store, kept);
    throw e;
  }
}

/**
 * Sends a stored file with its recorded type, no sniffing by the browser, and its name with that type's extension
 * (also for files stored before names were corrected); only images open inline. The bytes stream from the store.
 */
export async function sendStored(
  reply: FastifyReply,
  store: FileStore,
  row: { storageKey: string; mime: string; filename: string },
) {
  const file = await store.open(row.storageKey);
  const kind = DOCUMENT_KINDS.find((k) => k.mime === row.mime);
  const name = kind ? nameWithExtension(row.filename, kind.ext) : row.filename;
  reply.header('content-type', kind?.mime ?? 'application/octet-stream').header('x-content-type-options', 'nosniff');
  reply.header('content-disposition', contentDisposition(name, { inline: kind?.inline ?? false }));
  reply.header('content-length', file.size);
  return reply.send(file.stream);
}
