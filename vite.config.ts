import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressDir } from './src/server/precompress.js';

const web = path.resolve(import.meta.dirname, 'src/web');
const outDir = path.resolve(import.meta.dirname, 'dist/web');

/** Brotli and gzip copies of every built text file, served as they are by the server (src/server/static.ts). */
const precompress = (): Plugin => {
  let dir = outDir;
  return {
    name: 'jielian-precompress',
    apply: 'build',
    configResolved(config) {
      dir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(dir);
    },
  };
};

/** In dev, /public/* gets the citizens' entry, as the server does in production. */
const publicEntryInDev = (): Plugin => ({
  name: 'jielian-public-entry',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/public(\/|$|\?)/.test(req.url) && !path.extname(req.url.split('?')[0]))
        req.url = '/public.html';
      next();
    });
  },
});

/**
 * The member app as an installable PWA (Workbox via vite-plugin-pwa): the service worker precaches the staff app
 * shell (index.html and the hashed assets), answers navigations with that shell when there is no signal, and keeps the
 * last answer of every API GET (NetworkFirst, a few seconds' patience) so field screens open offline. The citizens'
 * entry (public.html, /public/*) is neither precached as a page nor answered by the shell, and does not register the
 * worker (src/web/pwa/register.ts is imported by main.tsx only).
 */
const pwa = (): Plugin[] => [
  ...VitePWA({
    registerType: 'autoUpdate',
    injectRegister: false,
    includeManifestIcons: false,
    manifest: {
      name: '界联',
      short_name: '界联',
      description: '政协委员联系界别群众',
      lang: 'zh-CN',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#b71c1c',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,png,svg,woff2,webmanifest}'],
      globIgnores: ['public.html', '**/*.br', '**/*.gz', '.vite/**'],
      // The lazily loaded chart chunk is the largest file; every page of the member app must open offline.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/public(\/|$)/, /^\/api\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      runtimeCaching: [
        {
          urlPattern: ({ url, request }) =>
            request.method === 'GET' &&
            url.origin === self.location.origin &&
            url.pathname.startsWith('/api/v1/') &&
            // downloads (xlsx/PDF/Word exports) are large and wanted fresh: not kept on the phone
            !/\/exports?(\/|$)/.test(url.pathname),
          handler: 'NetworkFirst',
          options: {
            cacheName: 'jl-api',
            networkTimeoutSeconds: 6,
            expiration: { maxEntries: 400, maxAgeSeconds: 60 * 60 * 24 * 60 },
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  }),
  // vite-plugin-pwa links the manifest from every HTML entry; the citizens' pages are not the member app.
  {
    name: 'jielian-no-manifest-on-public',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) =>
        ctx.filename.endsWith('public.html') ? html.replace(/<link rel="manifest"[^>]*>/, '') : html,
    },
  },
];

// The web app lives in src/web and builds to dist/web, which `jielian serve` serves; dev proxies the API.
// Two entries: index.html (staff and members, every page a lazy chunk) and public.html (the citizens' /public pages,
// a light entry without the staff app). The manifest lets tests weigh what each entry loads.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), publicEntryInDev(), ...pwa(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    // Only the lazily loaded ECharts chunk is this large; a bigger one means the split broke somewhere.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: { main: path.join(web, 'index.html'), public: path.join(web, 'public.html') },
    },
  },
  server: { proxy: { '/api/': 'http://127.0.0.1:3000' } },
});
