// The serve banner: demo logins appear only when this start loaded the demo (never with --no-demo or a real database).
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/db/seed/demo.js';
import { startupBanner } from './banner.js';

const base = { url: 'http://localhost:3000/', database: 'pglite', dataDir: './data' };

describe('startupBanner', () => {
  it('lists the demo logins after seeding the demo', () => {
    const text = startupBanner({ ...base, demoSeeded: true }).join('\n');
    expect(text).toContain('http://localhost:3000/');
    expect(text).toContain(DEMO_PASSWORD);
  });

  it('prints no logins or password when the demo was not seeded (--no-demo, or data already there)', () => {
    const text = startupBanner({ ...base, demoSeeded: false }).join('\n');
    expect(text).toContain('http://localhost:3000/');
    expect(text).toContain('pglite, ./data');
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toMatch(/demo/i);
  });
});
