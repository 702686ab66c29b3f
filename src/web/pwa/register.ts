// Registers the member app's service worker (built by vite-plugin-pwa, see vite.config.ts): imported by main.tsx only,
// never by the citizens' entry. The worker is generated with skipWaiting + clientsClaim (registerType autoUpdate), so a
// new build's worker takes over at once. A plain register() keeps workbox-window out of the first screen's weight.
// Nothing happens in dev or in a browser without service workers.
if (import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
