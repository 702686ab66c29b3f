// Request schemas of the contact stations (委员联络站): the office's list and form, the public list, the posters.
import { z } from 'zod';
import { idBody, idQuery } from '../common/schemas.js';

const memberIds = z
  .array(idBody)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'duplicate_ids');

/** Body of POST /contact-stations. */
export const stationBody = z.object({
  name: z.string().trim().min(1).max(60),
  /** The township or village the station is in. */
  regionId: idBody,
  address: z.string().trim().max(200).default(''),
  openHours: z.string().trim().max(100).default(''),
  published: z.boolean().default(true),
  active: z.boolean().default(true),
  /** The members who receive people there (items through its QR go to them). */
  memberIds: memberIds.default([]),
});
/** A validated station. */
export type StationInput = z.infer<typeof stationBody>;

/** Body of PATCH /contact-stations/:id: any of the fields; `memberIds` replaces the list. */
export const stationPatch = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  regionId: idBody.optional(),
  address: z.string().trim().max(200).optional(),
  openHours: z.string().trim().max(100).optional(),
  published: z.boolean().optional(),
  active: z.boolean().optional(),
  memberIds: memberIds.optional(),
});
/** A validated station patch. */
export type StationPatch = z.infer<typeof stationPatch>;

/** Query of the office's list: a township (its villages included) or a village, and a name search. */
export const stationListQuery = z.object({
  regionId: idQuery.optional(),
  q: z.string().trim().max(30).default(''),
});
/** A validated list query. */
export type StationListQuery = z.infer<typeof stationListQuery>;

/** Query of GET /public/stations. */
export const publicStationQuery = z.object({ regionId: idQuery.optional() });
