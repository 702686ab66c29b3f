// Photos waiting to be uploaded, kept in IndexedDB (too big for localStorage) under the record's client id.
const DB = 'jl-outbox';
const STORE = 'photos';

export interface StoredPhoto {
  key?: number;
  clientId: string;
  name: string;
  kind: 'photo' | 'signin';
  blob: Blob;
  /** Sent as Idempotency-Key, so a photo whose reply was lost is stored once on the server (older entries: none). */
  uploadKey?: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const s = req.result.createObjectStore(STORE, { keyPath: 'key', autoIncrement: true });
      s.createIndex('clientId', 'clientId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => {
      db.close();
      resolve(req?.result as T);
    };
    tx.onerror = () => {
      db.close();
      reject(tx.error);
    };
  });
}

/** Keeps photos for a record that could not be uploaded yet. */
export async function savePhotos(
  clientId: string,
  photos: Array<{ name: string; kind: 'photo' | 'signin'; blob: Blob; uploadKey: string }>,
) {
  for (const p of photos) await run('readwrite', (s) => s.add({ ...p, clientId }));
}

/** The photos still waiting for a record. */
export async function photosOf(clientId: string): Promise<StoredPhoto[]> {
  return (await run<StoredPhoto[]>('readonly', (s) => s.index('clientId').getAll(clientId))) ?? [];
}

/** Forgets one photo (uploaded, or refused by the server). */
export async function removePhoto(key: number) {
  await run('readwrite', (s) => s.delete(key));
}

/** Forgets every photo of a record (the record was discarded). */
export async function removePhotosOf(clientId: string) {
  for (const p of await photosOf(clientId)) if (p.key !== undefined) await removePhoto(p.key);
}
