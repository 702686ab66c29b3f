// Where the test run keeps its migrated template.
import path from 'node:path';

export const TEMPLATE_FILE = path.resolve('.tmp/test-template.tar.gz');

/** The PostgreSQL template database of this role's test runs (per role, so two users of one server never collide). */
export function pgTemplateName(url: string): string {
  const user = decodeURIComponent(new URL(url).username || 'postgres')
    .replace(/[^a-z0-9_]/gi, '_')
    .toLowerCase();
  return `jl_tpl_${user}`;
}
