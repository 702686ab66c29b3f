// /api/v1/proposals: drafting and co-signing, the office's decision and assignment, the unit's reply, rating, timeline.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { actorOf } from '../auth/plugin.js';
import { idParam } from '../common/schemas.js';
import { answerCosign, createProposal, editProposal, inviteCosigners, submitProposal } from './drafting.js';
import { assignProposal, decideProposal, rateProposal, replyProposal } from './handling.js';
import { cosignerOptions, sourceOptions } from './lookups.js';
import { countPendingInvitations, listProposalEvents, listProposals, loadProposal } from './read.js';
import {
  assignBody,
  cosignBody,
  cosignerQuery,
  cosignersBody,
  decideBody,
  proposalBody,
  proposalListQuery,
  proposalPatch,
  rateBody,
  replyBody,
} from './schema.js';
import type { StepOpts } from './steps.js';

/** 提案 endpoints for signed-in users; every step answers the updated proposal with its abilities. */
export const proposalRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['proposals'];
  /** Runs one step in a transaction, then answers the proposal as the actor now sees it. */
  const step = async (
    req: { ip: string; params: { id: number } } & Parameters<typeof actorOf>[0],
    fn: (tx: Tx, a: Actor, id: number, opts: StepOpts) => Promise<unknown>,
  ) => {
    const a = actorOf(req);
    const now = app.deps.now();
    await db().transaction((tx) => fn(tx, a, req.params.id, { now, ip: req.ip }));
    return loadProposal(db(), a, req.params.id, now);
  };
  r.get('/proposals', { schema: { tags, querystring: proposalListQuery } }, async (req) =>
    listProposals(db(), actorOf(req), req.query, app.deps.now()),
  );
  r.get('/proposals/invitations', { schema: { tags } }, async (req) =>
    countPendingInvitations(db(), actorOf(req), app.deps.now()),
  );
  r.get('/proposals/source-options', { schema: { tags } }, async (req) => sourceOptions(db(), actorOf(req)));
  r.get('/proposals/cosigner-options', { schema: { tags, querystring: cosignerQuery } }, async (req) =>
    cosignerOptions(db(), actorOf(req), req.query.q),
  );
  r.get('/proposals/:id', { schema: { tags, params: idParam } }, async (req) =>
    loadProposal(db(), actorOf(req), req.params.id, app.deps.now()),
  );
  r.get('/proposals/:id/events', { schema: { tags, params: idParam } }, async (req) =>
    listProposalEvents(db(), actorOf(req), req.params.id),
  );
  r.post('/proposals', { schema: { tags, body: proposalBody } }, async (req, reply) => {
    const a = actorOf(req);
    const now = app.deps.now();
    const id = await createProposal(db(), a, req.body, { now, ip: req.ip, lang: req.lang ?? 'zh' });
    return reply.status(201).send(await loadProposal(db(), a, id, now));
  });
  r.patch('/proposals/:id', { schema: { tags, params: idParam, body: proposalPatch } }, async (req) =>
    step(req, (tx, a, id, o) => editProposal(tx, a, id, req.body, o)),
  );
  r.post('/proposals/:id/cosigners', { schema: { tags, params: idParam, body: cosignersBody } }, async (req) =>
    step(req, (tx, a, id, o) => inviteCosigners(tx, a, id, req.body, o)),
  );
  r.post('/proposals/:id/cosign', { schema: { tags, params: idParam, body: cosignBody } }, async (req) =>
    step(req, (tx, a, id, o) => answerCosign(tx, a, id, req.body.accept, o)),
  );
  r.post('/proposals/:id/submit', { schema: { tags, params: idParam } }, async (req) =>
    step(req, (tx, a, id, o) => submitProposal(tx, a, id, o)),
  );
  r.post('/proposals/:id/decide', { schema: { tags, params: idParam, body: decideBody } }, async (req) =>
    step(req, (tx, a, id, o) => decideProposal(tx, a, id, req.body, o)),
  );
  r.post('/proposals/:id/assign', { schema: { tags, params: idParam, body: assignBody } }, async (req) =>
    step(req, (tx, a, id, o) => assignProposal(tx, a, id, req.body, o)),
  );
  r.post('/proposals/:id/reply', { schema: { tags, params: idParam, body: replyBody } }, async (req) =>
    step(req, (tx, a, id, o) => replyProposal(tx, a, id, req.body.content, o)),
  );
  r.post('/proposals/:id/rate', { schema: { tags, params: idParam, body: rateBody } }, async (req) =>
    step(req, (tx, a, id, o) => rateProposal(tx, a, id, req.body, o)),
  );
};
