// Shared fixtures of the assessment tests: a scheme for a year and a PUT helper (the test client has no put).
import type { FastifyInstance } from 'fastify';
import type { Client } from '../../../../tests/setup/test-app.js';

/** PUT with the client's session and CSRF token. */
export const put = (app: FastifyInstance, c: Client, url: string, payload: unknown) =>
  app.inject({
    method: 'PUT',
    url,
    payload: payload as any,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken },
  });

/** A small scheme covering automatic, manual and deduction lines. */
export const scheme = (name = '2026年度委员履职考核（试行）') => ({
  schemeName: name,
  fullMarks: 100,
  baseScore: 60,
  talkThreshold: 62,
  rules: [
    { name: '联系活动', source: 'activities', points: 1, cap: 10 },
    { name: '进村走访', source: 'village_visits', points: 2, cap: 10 },
    { name: '提交社情民意', source: 'opinions_submitted', points: 2, cap: 20 },
    { name: '县政协采用', source: 'adopted_county', points: 3, cap: null },
    { name: '领导批示', source: 'instructions', points: 5, cap: null },
    { name: '委员接待日', source: 'reception_days', points: 2, cap: null },
    { name: '提交提案', source: 'proposals_filed', points: 2, cap: null },
    { name: '提案立案', source: 'proposals_accepted', points: 3, cap: null },
    { name: '出席会议', source: 'meetings', points: 2, cap: 10 },
    { name: '无故缺席', source: 'absences', points: 3, cap: 9, isDeduction: true },
  ],
});
