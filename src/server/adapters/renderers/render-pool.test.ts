// The render pool keeps the event loop free: a request made while a big document renders is answered first, and a
// renderer's error crosses the thread boundary with its AppError code intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app.js';
import { AppError } from '../../errors.js';
import { rebuildError, renderDocument } from './render-pool.js';
import { toFailure } from './render-worker.js';
import { summary } from './renderers.fixtures.js';

let t: TestApp;
beforeAll(async () => {
  delete process.env.RENDER_IN_PROCESS; // these tests are about the pool, whatever the shell says
  t = await createTestApp();
});
afterAll(() => t.close());

describe('render pool', () => {
  it('answers /api/health while a big 汇总表 PDF renders on a worker', async () => {
    const order: string[] = [];
    const render = renderDocument({ kind: 'summary', format: 'pdf', data: summary(400) }).then((b) => {
      order.push('render');
      return b;
    });
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    order.push('health');
    const pdf = await render;
    expect(health.statusCode).toBe(200);
    expect(order).toEqual(['health', 'render']);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('renders xlsx and docx in the worker too', async () => {
    const xlsx = await renderDocument({ kind: 'summary', format: 'xlsx', data: summary(3) });
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    const docx = await renderDocument({
      kind: 'bulletin',
      format: 'docx',
      data: {
        year: 2026,
        number: 1,
        title: '标题',
        body: '正文',
        distribution: '',
        unit: '县政协',
        date: '2026-03-01',
      },
    });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('rejects a failed render with an error instead of hanging', async () => {
    await expect(renderDocument({ kind: 'nope' } as any)).rejects.toThrow();
  });

  it('keeps an AppError code and params across the thread boundary', () => {
    const err = rebuildError(toFailure(new AppError('bulletin_too_long', { max: 9 })).error);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bulletin_too_long');
    expect((err as AppError).params).toEqual({ max: 9 });
  });
});
