// What `jielian serve` prints once it listens: where it runs and, only on a demo database, its logins.
import { DEMO_LOGINS, DEMO_PASSWORD } from '../server/db/seed/demo.js';

/** The startup lines; demo logins only on a demo database (never with --no-demo), so a real installation never shows them. */
export function startupBanner(opts: {
  url: string;
  database: string;
  dataDir?: string | null;
  demoSeeded: boolean;
}): string[] {
  const where = opts.dataDir ? `${opts.database}, ${opts.dataDir}` : opts.database;
  const lines = [`\n界联 is running at ${opts.url}  (database: ${where})`];
  if (opts.demoSeeded) lines.push(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_LOGINS.join(', ')}`);
  return lines;
}
