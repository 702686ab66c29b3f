// Where the test run keeps its migrated template.
import path from 'node:path';

export const TEMPLATE_FILE = path.resolve('.tmp/test-template.tar.gz');
