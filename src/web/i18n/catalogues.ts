// Merges the per-area message catalogues into i18next resources (the public areas plus the staff app's).
import { asmt } from './assessment';
import { bl } from './bulletins';
import { field } from './field';
import { kpi } from './kpis';
import { ntf } from './notifications';
import { office } from './office';
import { ops } from './opinion-steps';
import { op } from './opinions';
import { prp } from './proposals';
import { publicAreas } from './public-catalogues';
import { mergeCatalogues } from './setup';
import { wb } from './workbench';

/** i18next resources for both languages. */
export const catalogues = mergeCatalogues([...publicAreas, field, office, op, ops, kpi, ntf, asmt, bl, prp, wb]);
