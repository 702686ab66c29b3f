// The HTTP SMS driver against a local HTTP server: JSON body, 2xx accepted, anything else an error.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSms, createLogSms, createSms } from './sms.js';

let server: http.Server;
let base: string;
const received: { path: string; type: string; body: unknown }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', type: String(req.headers['content-type']), body: JSON.parse(data) });
      res.statusCode = req.url === '/fail' ? 503 : 202;
      res.end(req.url === '/fail' ? 'quota exceeded' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sms', () => {
  it('posts {phone, text} as JSON and accepts a 2xx answer', async () => {
    await createHttpSms(`${base}/send`).send('13812345678', '您反映的问题已办理，查询码 ABC');
    expect(received.at(-1)).toEqual({
      path: '/send',
      type: 'application/json',
      body: { phone: '13812345678', text: '您反映的问题已办理，查询码 ABC' },
    });
  });

  it('turns a non-2xx answer into an error naming the status', async () => {
    await expect(createHttpSms(`${base}/fail`).send('13812345678', 'x')).rejects.toThrow(/503.*quota exceeded/);
  });

  it('fails cleanly when nothing listens', async () => {
    await expect(createHttpSms('http://127.0.0.1:1/none', 2000).send('13812345678', 'x')).rejects.toThrow();
  });

  it('logs when SMS_HTTP_URL is unset', async () => {
    const lines: string[] = [];
    const sms = createLogSms((l) => lines.push(l));
    await sms.send('13812345678', '短信');
    expect(sms.sent).toEqual([{ phone: '13812345678', text: '短信' }]);
    expect(lines).toHaveLength(1);
    expect(createSms({ smsHttpUrl: null }).kind).toBe('log');
    expect(createSms({ smsHttpUrl: base }).kind).toBe('http');
  });
});
