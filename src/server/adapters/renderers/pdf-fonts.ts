// Chooses the fonts for the PDF documents: an explicit override, else Debian's Noto CJK when installed, else the fonts
// that ship as npm dependencies, so a machine with nothing from Debian still renders Chinese (and Uyghur).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/** Debian/Ubuntu fonts-noto-cjk, preferred when installed (it has the serif for the body). */
export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** Env var naming a font file to use instead: `/path/font.ttf`, or `/path/font.ttc#PostScriptName` for collections. */
export const CJK_FONT_ENV = 'JIELIAN_CJK_FONT';
/** Env var: `0` skips Debian's fonts and uses the npm ones (tests, and proof that a bare machine works). */
export const SYSTEM_FONTS_ENV = 'JIELIAN_SYSTEM_FONTS';
/** npm package with Noto Sans CJK SC (as "Noto Sans Hans", SIL OFL 1.1): the CJK fallback when Debian's is absent. */
export const NPM_CJK_PACKAGE = '@embedpdf/fonts-sc';
/** npm package with Noto Naskh Arabic (SIL OFL 1.1), which has the Uyghur letters ە ۆ ۈ ې ى ڭ ۇ. */
export const NPM_UYGHUR_PACKAGE = '@embedpdf/fonts-arabic';
/** Debian's fonts-noto-core Naskh, preferred for Uyghur when installed. */
export const UYGHUR_FONT_PATH = '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf';

export interface FontSpec {
  path: string;
  /** PostScript name of the face inside a .ttc/.otc collection. */
  name?: string;
}

export interface FormFonts {
  body: FontSpec;
  title: FontSpec;
}

type FontSource = 'override' | 'debian' | 'npm';

const require = createRequire(import.meta.url);

/** PostScript name of the Simplified Chinese face in a Noto CJK collection, e.g. NotoSerifCJK-Bold.ttc → NotoSerifCJKsc-Bold. */
function notoScName(file: string): string | undefined {
  const m = /^Noto(Sans|Serif)CJK-(\w+)\.ttc$/.exec(basename(file));
  return m ? `Noto${m[1]}CJKsc-${m[2]}` : undefined;
}

function spec(path: string, name?: string): FontSpec {
  return { path, name: name ?? (/\.(ttc|otc)$/i.test(path) ? notoScName(path) : undefined) };
}

function areSystemFontsAllowed(env: NodeJS.ProcessEnv): boolean {
  return !/^(0|false|no|off)$/i.test(env[SYSTEM_FONTS_ENV]?.trim() ?? '');
}

/**
 * A font file inside an installed npm package. The packages export only their JS entry (no `./package.json`), so the
 * package folder is found by walking up from that entry.
 */
function npmFont(pkg: string, file: string): FontSpec {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const path = join(dir, 'fonts', file);
  if (!existsSync(path)) throw new Error(`Font ${file} missing from npm package ${pkg} (${path}); run npm install.`);
  return { path };
}

function overrideFont(override: string): FontSpec {
  const [path, name] = override.split('#');
  if (!existsSync(path)) {
    throw new Error(
      `CJK font not found: ${path} (from ${CJK_FONT_ENV}). Point ${CJK_FONT_ENV} at an existing font file.`,
    );
  }
  if (/\.(ttc|otc)$/i.test(path) && !name && !notoScName(path)) {
    throw new Error(`${CJK_FONT_ENV}=${override} is a font collection; append #PostScriptName (see fc-query).`);
  }
  return spec(path, name || undefined);
}

const logged = new Set<string>();

/** One structured line (the app's log format) the first time a choice of fonts is used; renderers have no logger. */
function logChoice(kind: string, source: FontSource, fonts: Record<string, FontSpec>) {
  const chosen = Object.fromEntries(
    Object.entries(fonts).map(([k, f]) => [k, f.name ? `${f.path}#${f.name}` : f.path]),
  );
  const key = JSON.stringify([kind, chosen]);
  if (logged.has(key)) return;
  logged.add(key);
  const line = { level: 30, time: Date.now(), msg: 'pdf fonts chosen', kind, source, fonts: chosen };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

function chooseFormFonts(env: NodeJS.ProcessEnv): { source: FontSource; fonts: FormFonts } {
  const override = env[CJK_FONT_ENV]?.trim();
  if (override) {
    const f = overrideFont(override);
    return { source: 'override', fonts: { body: f, title: f } };
  }
  if (areSystemFontsAllowed(env) && existsSync(CJK_FONT_PATH)) {
    const dir = dirname(CJK_FONT_PATH);
    const pick = (file: string, fallback: FontSpec) => (existsSync(join(dir, file)) ? spec(join(dir, file)) : fallback);
    const sans = spec(CJK_FONT_PATH);
    return {
      source: 'debian',
      fonts: { body: pick('NotoSerifCJK-Regular.ttc', sans), title: pick('NotoSansCJK-Bold.ttc', sans) },
    };
  }
  return {
    source: 'npm',
    fonts: {
      body: npmFont(NPM_CJK_PACKAGE, 'NotoSansHans-Regular.otf'),
      title: npmFont(NPM_CJK_PACKAGE, 'NotoSansHans-Bold.otf'),
    },
  };
}

/**
 * Forms: body in Noto Serif CJK when Debian's is installed (reads like 宋体 on paper), titles in Noto Sans CJK Bold
 * (like 黑体); without Debian's fonts, Noto Sans Regular/Bold from npm; with JIELIAN_CJK_FONT set, that one font.
 */
export function resolveFonts(env: NodeJS.ProcessEnv = process.env): FormFonts {
  const { source, fonts } = chooseFormFonts(env);
  logChoice('forms', source, { ...fonts });
  return fonts;
}

/**
 * Bulletins: body in Noto Serif CJK SC (for 仿宋), title and masthead in Noto Serif CJK SC Bold (for 小标宋) when
 * Debian's are installed; else as the forms (the npm fallback has no serif, so Noto Sans Regular/Bold).
 */
export function resolveBulletinFonts(env: NodeJS.ProcessEnv = process.env): FormFonts {
  const { source, fonts } = chooseFormFonts(env);
  const bold = join(dirname(CJK_FONT_PATH), 'NotoSerifCJK-Bold.ttc');
  const out =
    source === 'debian' && existsSync(bold)
      ? { body: fonts.body, title: { path: bold, name: 'NotoSerifCJKsc-Bold' } }
      : fonts;
  logChoice('bulletin', source, { ...out });
  return out;
}

/** The Uyghur (Arabic-script) face: Debian's Noto Naskh Arabic when installed, else the npm one. */
export function resolveUyghurFont(env: NodeJS.ProcessEnv = process.env): FontSpec {
  const system = areSystemFontsAllowed(env) && existsSync(UYGHUR_FONT_PATH);
  const f = system ? spec(UYGHUR_FONT_PATH) : npmFont(NPM_UYGHUR_PACKAGE, 'NotoNaskhArabic-Regular.ttf');
  logChoice('uyghur', system ? 'debian' : 'npm', { uyghur: f });
  return f;
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
