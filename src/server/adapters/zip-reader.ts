// Reads an uploaded zip (an .xlsx) from its central directory, refusing bombs before any byte is inflated.
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** What a zip may contain before we refuse it; the defaults suit one uploaded spreadsheet. */
export interface ZipLimits {
  /** Sum of all entries' declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Uncompressed : compressed, checked on entries bigger than `ratioFloorBytes` (real sheets stay under ~20:1). */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** Why a zip was refused: `too_large` (over a limit), `bomb` (absurd ratio or sizes that lie), `corrupt`. */
export class ZipError extends Error {
  constructor(readonly reason: 'too_large' | 'bomb' | 'corrupt') {
    super(`zip ${reason}`);
  }
}

/** One entry as the central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('corrupt');
}

/** Lists the entries of a zip held in memory and enforces the limits on what they declare. */
export function inspectZip(buf: Buffer, limits: ZipLimits): Map<string, ZipEntry> {
  if (buf.length < 22) throw new ZipError('corrupt');
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  // 0xffff / 0xffffffff mean zip64: never needed for a spreadsheet that fits our upload limit.
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('too_large');
  if (count > limits.maxEntries) throw new ZipError('too_large');
  if (cdOffset + cdSize > end) throw new ZipError('corrupt');
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('corrupt');
    const flags = buf.readUInt16LE(p + 8);
    const nameLen = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      name: buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      flags,
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new ZipError('too_large');
    total += entry.size;
    if (total > limits.maxTotalBytes) throw new ZipError('too_large');
    if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio)
      throw new ZipError('bomb');
    if (entries.has(entry.name)) throw new ZipError('corrupt');
    entries.set(entry.name, entry);
  }
  return entries;
}

async function* inflateBounded(data: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipError('bomb');
    for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
    return;
  }
  const inflate = zlib.createInflateRaw();
  inflate.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      // The declared size was checked against the limits: inflating past it means the headers lie.
      if (produced > entry.size) throw new ZipError('bomb');
      yield chunk;
    }
  } catch (e) {
    throw e instanceof ZipError ? e : new ZipError('corrupt');
  } finally {
    inflate.destroy();
  }
  if (produced !== entry.size) throw new ZipError('corrupt');
}

/** A stream of one entry's bytes that never inflates more than the entry declared (stored or deflated only). */
export function openEntry(buf: Buffer, entry: ZipEntry): Readable {
  const at = entry.localOffset;
  if (entry.flags & 0x1 || (entry.method !== 0 && entry.method !== 8)) throw new ZipError('corrupt');
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new ZipError('corrupt');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buf.length) throw new ZipError('corrupt');
  const data = buf.subarray(start, start + entry.compressedSize);
  return Readable.from(inflateBounded(data, entry), { objectMode: false });
}
