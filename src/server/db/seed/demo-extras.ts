// Demo data of the later features, written after the registry and the 社情民意 items exist, from what is in the database.

import type { Tx } from '../client.js';
import { demoAssessment } from './demo-assessment.js';
import { demoBulletins } from './demo-bulletins.js';
import type { DemoClock } from './demo-clock.js';
import { demoConsultations } from './demo-consultations.js';
import { demoProposals } from './demo-proposals.js';
import { demoPublicFace } from './demo-public-face.js';
import type { Rng } from './demo-random.js';
import { demoReception } from './demo-reception.js';

/** One feature's demo step: reads the rows already written (members, items, departments) and adds its own. */
export type DemoExtra = { name: string; run: (tx: Tx, rng: Rng, clock: DemoClock) => Promise<void> };

/** The steps in order (later features may read earlier ones' rows: bulletins and proposals before assessment). */
export const DEMO_EXTRAS: DemoExtra[] = [
  demoBulletins,
  demoProposals,
  demoReception,
  demoConsultations,
  demoPublicFace,
  // keep last: it closes last year and snapshots every member's record, so everything above must already be written
  demoAssessment,
];
