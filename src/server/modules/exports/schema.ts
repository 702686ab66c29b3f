// Query schemas of the paper-form exports, shared with the web client.
import { z } from 'zod';
import { idQuery, isoDate } from '../common/schemas.js';

const format = z.enum(['xlsx', 'pdf']).default('xlsx');
const id = idQuery;

/** GET /exports/registration: one member's 名单登记表. */
export const registrationExportQuery = z.object({ memberId: id, format });
/** GET /exports/record-card: an activity's 活动记录卡, or the blank card without activityId. */
export const recordCardExportQuery = z.object({ activityId: id.optional(), format });
/** GET /exports/summary: a group's 活动汇总表 over a period (default: the current working year). */
export const summaryExportQuery = z.object({ groupId: id, from: isoDate.optional(), to: isoDate.optional(), format });
