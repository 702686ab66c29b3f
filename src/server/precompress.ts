// Build step of the web app: writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of dist/web,
// once, at maximum compression, so the server sends them as they are (@fastify/static preCompressed) and never
// compresses on the request path.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats worth compressing (images and fonts other than svg are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512;

/** Every file under `dir`, recursively. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file in `dir`; returns the files compressed. */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = listFiles(dir).filter((f) => COMPRESSIBLE.test(f) && fs.statSync(f).size >= MIN_BYTES);
  await Promise.all(
    files.map(async (f) => {
      const body = await fs.promises.readFile(f);
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      await fs.promises.writeFile(`${f}.br`, br);
      await fs.promises.writeFile(`${f}.gz`, gz);
    }),
  );
  return files;
}
