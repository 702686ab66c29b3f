// The citizens' reception pages (no account): upcoming days, booking a slot, looking up a booking by code. They use
// antd, so they load with the antd frame as chunks of their own, never with the citizen form.
import type { ComponentType } from 'react';
import { lazyComponent, type PageRoute } from '../../routes';

const AntdFrame = lazyComponent(() => import('../public/antd-frame'), 'AntdFrame');
const PublicReceptionBook = lazyComponent(() => import('./public-pages'), 'PublicReceptionBook');
const PublicReceptionBooking = lazyComponent(() => import('./public-pages'), 'PublicReceptionBooking');
const PublicReceptionList = lazyComponent(() => import('./public-pages'), 'PublicReceptionList');
const framed = (Page: ComponentType) => (
  <AntdFrame>
    <Page />
  </AntdFrame>
);

/** Public (no account) routes. */
export const publicReceptionRoutes: PageRoute[] = [
  { path: '/public/reception', element: framed(PublicReceptionList) },
  { path: '/public/reception/booking', element: framed(PublicReceptionBooking) },
  { path: '/public/reception/booking/:code', element: framed(PublicReceptionBooking) },
  { path: '/public/reception/:id', element: framed(PublicReceptionBook) },
];
