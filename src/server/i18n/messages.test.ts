import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app.js';
import { LANGS, messages, pickLang, t } from './messages.js';
import { ugMessages } from './messages-ug.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server message catalogue', () => {
  it('has every message in every language, none empty', () => {
    for (const code of Object.keys(messages) as (keyof typeof messages)[]) {
      for (const lang of LANGS) expect(t(code, lang).trim(), `${code} in ${lang}`).not.toBe('');
    }
    expect(Object.keys(ugMessages).sort()).toEqual(Object.keys(messages).sort());
  });

  it('keeps the Chinese placeholders in the Uyghur texts', () => {
    for (const code of Object.keys(messages) as (keyof typeof messages)[]) {
      expect(placeholders(ugMessages[code]), code).toEqual(placeholders(messages[code].zh));
    }
  });

  it('picks the language asked for first in Accept-Language', () => {
    expect(pickLang('ug-CN,zh;q=0.8')).toBe('ug');
    expect(pickLang('ug')).toBe('ug');
    expect(pickLang('en-GB,en;q=0.9')).toBe('en');
    expect(pickLang('zh-CN,ug;q=0.5')).toBe('zh');
    expect(pickLang('fr')).toBe('zh');
    expect(pickLang(undefined)).toBe('zh');
  });
});

describe('errors in the caller language', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers an unauthenticated call in Uyghur, English or Chinese', async () => {
    const ask = async (lang: string) =>
      (await app.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'accept-language': lang } })).json();
    expect((await ask('ug-CN')).message).toBe(ugMessages.unauthenticated);
    expect((await ask('en')).message).toBe(messages.unauthenticated.en);
    expect((await ask('zh-CN')).message).toBe(messages.unauthenticated.zh);
  });
});
