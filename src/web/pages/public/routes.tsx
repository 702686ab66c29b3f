// Pages citizens use without an account (submit an opinion, follow it by tracking code); served under /public.
import type { PageRoute } from '../../routes';

/** Public routes, rendered without the sign-in gate. */
export const publicRoutes: PageRoute[] = [];
