import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the schema and writes forward-only SQL migrations that are committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
});
