// /api/v1/assessment-rules/{year} and /api/v1/assessments/{year}/…: schemes, scores, evidence, entries, appeals,
// closing a year, the 述职 report, evaluations and the responsiveness table.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/plugin.js';
import { contentDisposition } from '../common/download.js';
import { createAppeal, decideAppeal, listAppeals } from './appeals.js';
import { createEntry, deleteEntry, listEntries, updateEntry } from './entries.js';
import { memberReport } from './report.js';
import {
  appealBody,
  appealsQuery,
  copyBody,
  decisionBody,
  entriesQuery,
  entryBody,
  entryPatch,
  evaluationBody,
  reportQuery,
  schemeBody,
  scoresQuery,
  yearIdParam,
  yearMemberParam,
  yearParam,
} from './schema.js';
import { closeYear, copyScheme, getScheme, listYears, putScheme } from './scheme.js';
import { createEvaluation, listEvaluations, listScores, memberDetail, responsiveness } from './views.js';
import { scoresWorkbook } from './xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) => contentDisposition(name);

/** Assessment endpoints. */
export const assessmentRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['assessments'];
  r.get('/assessment-rules', { schema: { tags } }, async (req) => listYears(db(), actorOf(req)));
  r.get('/assessment-rules/:year', { schema: { tags, params: yearParam } }, async (req) =>
    getScheme(db(), actorOf(req), req.params.year),
  );
  r.put('/assessment-rules/:year', { schema: { tags, params: yearParam, body: schemeBody } }, async (req) =>
    db().transaction((tx) => putScheme(tx, actorOf(req), req.params.year, req.body, req.ip)),
  );
  r.post('/assessment-rules/:year/copy', { schema: { tags, params: yearParam, body: copyBody } }, async (req) =>
    db().transaction((tx) => copyScheme(tx, actorOf(req), req.params.year, req.body.fromYear, req.ip)),
  );
  r.post('/assessments/:year/close', { schema: { tags, params: yearParam } }, async (req) =>
    db().transaction((tx) => closeYear(tx, actorOf(req), req.params.year, req.ip)),
  );
  r.get(
    '/assessments/:year/scores',
    { schema: { tags, params: yearParam, querystring: scoresQuery } },
    async (req, reply) => {
      const out = await listScores(db(), actorOf(req), req.params.year, req.query);
      if (req.query.format !== 'xlsx') return out;
      reply.header('content-type', XLSX);
      reply.header('content-disposition', attachment(`${req.params.year}年度履职考核.xlsx`));
      return reply.send(await scoresWorkbook(req.params.year, out.rules, out.items));
    },
  );
  r.get('/assessments/:year/responsiveness', { schema: { tags, params: yearParam } }, async (req) =>
    responsiveness(db(), actorOf(req), req.params.year),
  );
  r.get('/assessments/:year/members/:memberId', { schema: { tags, params: yearMemberParam } }, async (req) =>
    memberDetail(db(), actorOf(req), req.params.year, req.params.memberId),
  );
  r.get(
    '/assessments/:year/members/:memberId/report',
    { schema: { tags, params: yearMemberParam, querystring: reportQuery } },
    async (req, reply) => {
      const { name, buffer } = await memberReport(db(), actorOf(req), req.params.year, req.params.memberId);
      reply.header('content-type', DOCX);
      reply.header('content-disposition', attachment(name));
      return reply.send(buffer);
    },
  );
  r.get(
    '/assessments/:year/members/:memberId/evaluations',
    { schema: { tags, params: yearMemberParam } },
    async (req) => listEvaluations(db(), actorOf(req), req.params.year, req.params.memberId),
  );
  r.post(
    '/assessments/:year/members/:memberId/evaluations',
    { schema: { tags, params: yearMemberParam, body: evaluationBody } },
    async (req, reply) => {
      const { year, memberId } = req.params;
      const out = await db().transaction((tx) => createEvaluation(tx, actorOf(req), year, memberId, req.body, req.ip));
      return reply.status(201).send(out);
    },
  );
  r.get('/assessments/:year/members/:memberId/appeals', { schema: { tags, params: yearMemberParam } }, async (req) =>
    listAppeals(db(), actorOf(req), req.params.year, req.params.memberId),
  );
  r.get('/assessments/:year/appeals', { schema: { tags, params: yearParam, querystring: appealsQuery } }, async (req) =>
    listAppeals(db(), actorOf(req), req.params.year, undefined, req.query.status),
  );
  r.post(
    '/assessments/:year/appeals',
    { schema: { tags, params: yearParam, body: appealBody } },
    async (req, reply) => {
      const out = await db().transaction((tx) => createAppeal(tx, actorOf(req), req.params.year, req.body, req.ip));
      return reply.status(201).send(out);
    },
  );
  r.post(
    '/assessments/:year/appeals/:id/decision',
    { schema: { tags, params: yearIdParam, body: decisionBody } },
    async (req) =>
      db().transaction((tx) => decideAppeal(tx, actorOf(req), req.params.year, req.params.id, req.body, req.ip)),
  );
  r.get('/assessments/:year/entries', { schema: { tags, params: yearParam, querystring: entriesQuery } }, async (req) =>
    listEntries(db(), actorOf(req), req.params.year, req.query),
  );
  r.post('/assessments/:year/entries', { schema: { tags, params: yearParam, body: entryBody } }, async (req, reply) => {
    const out = await db().transaction((tx) => createEntry(tx, actorOf(req), req.params.year, req.body, req.ip));
    return reply.status(201).send(out);
  });
  r.patch('/assessments/:year/entries/:id', { schema: { tags, params: yearIdParam, body: entryPatch } }, async (req) =>
    db().transaction((tx) => updateEntry(tx, actorOf(req), req.params.year, req.params.id, req.body, req.ip)),
  );
  r.delete('/assessments/:year/entries/:id', { schema: { tags, params: yearIdParam } }, async (req) =>
    db().transaction((tx) => deleteEntry(tx, actorOf(req), req.params.year, req.params.id, req.ip)),
  );
};
