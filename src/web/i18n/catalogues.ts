// Merges the per-area message catalogues into i18next resources.
import { asmt } from './assessment';
import { bl } from './bulletins';
import { common } from './common';
import { cst } from './consultations';
import { field } from './field';
import { kpi } from './kpis';
import { ntf } from './notifications';
import { office } from './office';
import { ops } from './opinion-steps';
import { op } from './opinions';
import { prp } from './proposals';
import { pub } from './public';
import { rcp } from './reception';
import { wb } from './workbench';

type Catalogue = { zh: Record<string, unknown>; en: Record<string, unknown> };
const areas: Catalogue[] = [common, field, office, op, ops, pub, kpi, ntf, asmt, bl, prp, rcp, cst, wb];

const merge = (lang: 'zh' | 'en') => Object.assign({}, ...areas.map((a) => a[lang]));
/** i18next resources for both languages. */
export const catalogues = { zh: { translation: merge('zh') }, en: { translation: merge('en') } };
