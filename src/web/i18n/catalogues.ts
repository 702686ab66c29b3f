// Merges the per-area message catalogues into i18next resources.
import { common } from './common';
import { field } from './field';
import { kpi } from './kpis';
import { office } from './office';
import { op } from './opinions';
import { pub } from './public';

type Catalogue = { zh: Record<string, unknown>; en: Record<string, unknown> };
const areas: Catalogue[] = [common, field, office, op, pub, kpi];

const merge = (lang: 'zh' | 'en') => Object.assign({}, ...areas.map((a) => a[lang]));
/** i18next resources for both languages. */
export const catalogues = { zh: { translation: merge('zh') }, en: { translation: merge('en') } };
