// Locates the CJK fonts the PDF forms need and registers them on a pdfkit document; fails loudly when missing.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Default CJK font (Debian/Ubuntu package fonts-noto-cjk). Override with env JIELIAN_CJK_FONT. */
export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** Env var naming a font file to use instead: `/path/font.ttf`, or `/path/font.ttc#PostScriptName` for collections. */
export const CJK_FONT_ENV = 'JIELIAN_CJK_FONT';

export interface FontSpec {
  path: string;
  /** PostScript name of the face inside a .ttc/.otc collection. */
  name?: string;
}

export interface FormFonts {
  body: FontSpec;
  title: FontSpec;
}

/** PostScript name of the Simplified Chinese face in a Noto CJK collection, e.g. NotoSerifCJK-Bold.ttc → NotoSerifCJKsc-Bold. */
function notoScName(file: string): string | undefined {
  const m = /^Noto(Sans|Serif)CJK-(\w+)\.ttc$/.exec(basename(file));
  return m ? `Noto${m[1]}CJKsc-${m[2]}` : undefined;
}

function spec(path: string, name?: string): FontSpec {
  return { path, name: name ?? (/\.(ttc|otc)$/i.test(path) ? notoScName(path) : undefined) };
}

/**
 * Body in Noto Serif CJK when installed next to the sans font (reads like 宋体 on paper), titles in Noto Sans CJK Bold
 * (like 黑体); with JIELIAN_CJK_FONT set, that one font is used for everything.
 */
export function resolveFonts(env: NodeJS.ProcessEnv = process.env): FormFonts {
  const override = env[CJK_FONT_ENV]?.trim();
  if (override) {
    const [path, name] = override.split('#');
    if (!existsSync(path)) {
      throw new Error(
        `CJK font not found: ${path} (from ${CJK_FONT_ENV}). Point ${CJK_FONT_ENV} at an existing font file.`,
      );
    }
    if (/\.(ttc|otc)$/i.test(path) && !name && !notoScName(path)) {
      throw new Error(`${CJK_FONT_ENV}=${override} is a font collection; append #PostScriptName (see fc-query).`);
    }
    const f = spec(path, name || undefined);
    return { body: f, title: f };
  }
  if (!existsSync(CJK_FONT_PATH)) {
    throw new Error(
      `CJK font not found: ${CJK_FONT_PATH}. Install fonts-noto-cjk (apt-get install fonts-noto-cjk) ` +
        `or set ${CJK_FONT_ENV}=/path/to/font.ttf (or /path/font.ttc#PostScriptName).`,
    );
  }
  const dir = dirname(CJK_FONT_PATH);
  const pick = (file: string, fallback: FontSpec) => (existsSync(join(dir, file)) ? spec(join(dir, file)) : fallback);
  const sans = spec(CJK_FONT_PATH);
  return {
    body: pick('NotoSerifCJK-Regular.ttc', sans),
    title: pick('NotoSansCJK-Bold.ttc', sans),
  };
}

/**
 * Registers the fonts on `doc` and returns the pdfkit font name to use for each role. Identical specs are registered
 * once: pdfkit does not cache a second alias of an already-loaded face and would re-parse the font file on every use.
 */
export function registerFonts(doc: PDFKit.PDFDocument, fonts: FormFonts): Record<keyof FormFonts, string> {
  const names = new Map<string, string>();
  const out = {} as Record<keyof FormFonts, string>;
  for (const [role, f] of Object.entries(fonts) as Array<[keyof FormFonts, FontSpec]>) {
    const key = `${f.path}#${f.name ?? ''}`;
    let name = names.get(key);
    if (!name) {
      name = `jl-${role}`;
      try {
        if (f.name) doc.registerFont(name, f.path, f.name);
        else doc.registerFont(name, f.path);
        doc.font(name); // load now so a broken font fails here with a clear message
      } catch (err) {
        throw new Error(`Cannot load CJK font ${f.path}${f.name ? `#${f.name}` : ''}: ${(err as Error).message}`);
      }
      names.set(key, name);
    }
    out[role] = name;
  }
  return out;
}
