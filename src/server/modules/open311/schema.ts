// Request schemas of the GeoReport v2 endpoints: the format in the path, the list filters, the form of a new request.
// Field names are the spec's (snake_case); every argument is a string as a form or query string carries it, and
// what the spec orders (jurisdiction, api_key, service_code, location) is checked in that order by the service.
import { z } from 'zod';
import { OPEN311_FORMATS } from './format.js';

const format = z.enum(OPEN311_FORMATS);
const arg = (max: number) => z.string().max(max).optional();

/** Path of `services.{format}`, `requests.{format}`. */
export const formatParam = z.object({ format });
/** Path of `services/{service_code}.{format}`. */
export const serviceParam = z.object({ service_code: z.string().max(40), format });
/** Path of `requests/{service_request_id}.{format}`. */
export const requestParam = z.object({ service_request_id: z.string().max(40), format });
/** Path of `tokens/{token}.{format}`. */
export const tokenParam = z.object({ token: z.string().max(40), format });

/** The optional `jurisdiction_id` every method accepts. */
export const jurisdictionQuery = z.object({ jurisdiction_id: arg(200) });

/** Query of GET `requests.{format}`: comma-delimited ids, codes and statuses, and a w3 datetime range. */
export const requestsQuery = z.object({
  jurisdiction_id: arg(200),
  service_request_id: arg(2000),
  service_code: arg(500),
  start_date: arg(40),
  end_date: arg(40),
  status: arg(40),
});
/** Parsed query of GET requests. */
export type RequestsQuery = z.infer<typeof requestsQuery>;

/**
 * Body of POST `requests.{format}` (application/x-www-form-urlencoded as the spec sends it, or JSON). Attributes
 * come as `attribute[code]=value` keys, so unknown keys pass through to the service.
 */
export const postRequestBody = z.looseObject({
  api_key: arg(200),
  jurisdiction_id: arg(200),
  service_code: arg(40),
  lat: arg(40),
  long: arg(40),
  address_string: arg(200),
  address_id: arg(40),
  email: arg(200),
  device_id: arg(200),
  account_id: arg(200),
  first_name: arg(50),
  last_name: arg(50),
  phone: arg(40),
  description: arg(5000),
  media_url: arg(2000),
});
/** Parsed body of POST requests. */
export type PostRequestBody = z.infer<typeof postRequestBody>;
