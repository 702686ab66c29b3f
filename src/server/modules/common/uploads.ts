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
  test: (b: Buffer) => boolean;
}

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');
// A zip (OOXML) whose entry names, stored uncompressed in the headers, mark it as a Word or Excel document.
const ooxml = (marker: string) => (b: Buffer) =>
  ascii(b, 0, 4) === 'PK\u0003\u0004' &&
  b.includes('[Content_Types].xml', 0, 'latin1') &&
  b.includes(marker, 0, 'latin1');

const JPG: FileKind = {
  mime: 'image/jpeg',
  ext: 'jpg',
  inline: true,
  test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};
const PNG: FileKind = {
  mime: 'image/png',
  ext: 'png',
  inline: true,
  test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
};
const WEBP: FileKind = {
  mime: 'image/webp',
  ext: 'webp',
  inline: true,
  test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
};
const PDF: FileKind = { mime: 'application/pdf', ext: 'pdf', inline: false, test: (b) => ascii(b, 0, 5) === '%PDF-' };
const DOCX: FileKind = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ext: 'docx',
  inline: false,
  test: ooxml('word/document.xml'),
};
const XLSX: FileKind = {
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ext: 'xlsx',
  inline: false,
  test: ooxml('xl/workbook.xml'),
};

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

/** Reads one multipart file fully (over the size limit → 413 from the multipart plugin) and checks its type. */
export async function readUpload(file: MultipartFile, kinds: readonly FileKind[]): Promise<Upload> {
  const data = await file.toBuffer();
  return checkUpload(data, file.filename, kinds);
}

/**
 * Puts the files in the store, then runs `write` (the database transaction that records them); when anything fails
 * the stored files are removed again, so a refused write leaves no orphan files.
 */
export async function storeWith<T>(
  store: FileStore,
  uploads: Upload[],
  write: (stored: StoredUpload[]) => Promise<T>,
): Promise<T> {
  const stored: StoredUpload[] = [];
  try {
    for (const u of uploads) {
      const storageKey = await store.put(u.data, u.type.ext);
      stored.push({ filename: u.filename, mime: u.type.mime, size: u.data.length, storageKey });
    }
    return await write(stored);
  } catch (e) {
    await Promise.all(stored.map((s) => store.remove(s.storageKey).catch(() => undefined)));
    throw e;
  }
}

/**
 * Sends a stored file with its recorded type, no sniffing by the browser, and its name with that type's extension
 * (also for files stored before names were corrected); only images open inline.
 */
export async function sendStored(
  reply: FastifyReply,
  store: FileStore,
  row: { storageKey: string; mime: string; filename: string },
) {
  const data = await store.get(row.storageKey);
  const kind = DOCUMENT_KINDS.find((k) => k.mime === row.mime);
  const name = kind ? nameWithExtension(row.filename, kind.ext) : row.filename;
  reply.header('content-type', kind?.mime ?? 'application/octet-stream').header('x-content-type-options', 'nosniff');
  reply.header('content-disposition', contentDisposition(name, { inline: kind?.inline ?? false }));
  return reply.send(data);
}
