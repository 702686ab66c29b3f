// Stores uploaded files under DATA_DIR/files with random names, so the database only keeps keys.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The file-store interface services use; tests may point it at a temp folder. */
export interface FileStore {
  put(data: Buffer, ext: string): Promise<string>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

/** A file store on the local disk. */
export function createDiskFileStore(root: string): FileStore {
  const resolve = (key: string) => {
    if (!/^[a-f0-9]{2}\/[a-f0-9]{32}\.[a-z0-9]{1,5}$/.test(key)) throw new Error('bad storage key');
    return path.join(root, key);
  };
  return {
    async put(data, ext) {
      const name = crypto.randomBytes(16).toString('hex');
      const key = `${name.slice(0, 2)}/${name}.${ext}`;
      await fs.mkdir(path.dirname(resolve(key)), { recursive: true });
      await fs.writeFile(resolve(key), data);
      return key;
    },
    get: (key) => fs.readFile(resolve(key)),
    async remove(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}
