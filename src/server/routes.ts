// Mounts every module under /api/v1.
import type { FastifyPluginAsync } from 'fastify';
import { attachmentRoutes } from './modules/activities/attachments.js';
import { activityRoutes } from './modules/activities/routes.js';
import { assessmentRoutes } from './modules/assessments/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { bulletinRoutes } from './modules/bulletins/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { categoryRoutes } from './modules/categories/routes.js';
import { complianceRoutes } from './modules/compliance/routes.js';
import { consultationRoutes } from './modules/consultations/routes.js';
import { contactStationRoutes } from './modules/contact-stations/routes.js';
import { directoryRoutes } from './modules/directory/routes.js';
import { exportRoutes } from './modules/exports/routes.js';
import { groupRoutes } from './modules/groups/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { kpiRoutes } from './modules/kpis/routes.js';
import { inboundMailRoutes } from './modules/mail-intake/routes.js';
import { memberRoutes } from './modules/members/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { opinionAttachmentRoutes } from './modules/opinions/attachments.js';
import { opinionDeadlineRoutes } from './modules/opinions/deadline-settings.js';
import { releaseContactRoutes } from './modules/opinions/release.js';
import { opinionRoutes } from './modules/opinions/routes.js';
import { problemSubscriptionRoutes } from './modules/problem-subscriptions/routes.js';
import { problemRoutes } from './modules/problems/routes.js';
import { proposalRoutes } from './modules/proposals/routes.js';
import { publicRoutes } from './modules/public/routes.js';
import { receptionDayRoutes } from './modules/reception-days/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { representativeRoutes } from './modules/representatives/routes.js';
import { savedViewRoutes } from './modules/saved-views/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { sectorRoutes } from './modules/sectors/routes.js';
import { spikeRoutes } from './modules/spikes/routes.js';
import { topicRoutes } from './modules/topics/routes.js';
import { transparencyRoutes } from './modules/transparency/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import { workbenchRoutes } from './modules/workbench/routes.js';

/** The v1 API. */
export const registerRoutes: FastifyPluginAsync = async (app) => {
  for (const mod of [
    authRoutes,
    userRoutes,
    sectorRoutes,
    regionRoutes,
    groupRoutes,
    memberRoutes,
    representativeRoutes,
    activityRoutes,
    attachmentRoutes,
    auditRoutes,
    importRoutes,
    complianceRoutes,
    exportRoutes,
    opinionRoutes,
    opinionDeadlineRoutes,
    releaseContactRoutes,
    calendarRoutes,
    categoryRoutes,
    kpiRoutes,
    notificationRoutes,
    publicRoutes,
    bulletinRoutes,
    opinionAttachmentRoutes,
    inboundMailRoutes,
    assessmentRoutes,
    proposalRoutes,
    savedViewRoutes,
    searchRoutes,
    receptionDayRoutes,
    consultationRoutes,
    workbenchRoutes,
    webhookRoutes,
    directoryRoutes,
    problemRoutes,
    topicRoutes,
    transparencyRoutes,
    problemSubscriptionRoutes,
    contactStationRoutes,
    spikeRoutes,
  ]) {
    await app.register(mod);
  }
};
