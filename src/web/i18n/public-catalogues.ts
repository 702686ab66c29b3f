// The page areas the citizens' pages use (form, tracking, reception booking, consultation progress).
import { common } from './common';
import { cst } from './consultations';
import { pub } from './public';
import { rcp } from './reception';
import type { Catalogue } from './setup';

/** Catalogues of the public entry; the staff app merges them with the rest. */
export const publicAreas: Catalogue[] = [common, pub, rcp, cst];
