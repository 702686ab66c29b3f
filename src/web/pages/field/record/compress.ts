// Shrinks phone photos before upload (village signal is slow): longest side 1600 px, JPEG; other files pass unchanged.
const MAX = 1600;

/** A smaller JPEG of an image file, or the file itself when it is not an image or cannot be decoded. */
export async function compressImage(file: File): Promise<{ blob: Blob; name: string }> {
  if (!file.type.startsWith('image/') || typeof createImageBitmap !== 'function')
    return { blob: file, name: file.name };
  try {
    const bmp = await createImageBitmap(file);
    const scale = Math.min(1, MAX / Math.max(bmp.width, bmp.height));
    if (scale === 1 && file.size < 600_000) return { blob: file, name: file.name };
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bmp.width * scale);
    canvas.height = Math.round(bmp.height * scale);
    canvas.getContext('2d')!.drawImage(bmp, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.82));
    return blob ? { blob, name: `${file.name.replace(/\.\w+$/, '')}.jpg` } : { blob: file, name: file.name };
  } catch {
    return { blob: file, name: file.name };
  }
}
