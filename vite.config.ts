import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
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

// The web app lives in src/web and builds to dist/web, which `jielian serve` serves; dev proxies the API.
// Two entries: index.html (staff and members, every page a lazy chunk) and public.html (the citizens' /public pages,
// a light entry without the staff app). The manifest lets tests weigh what each entry loads.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), publicEntryInDev(), precompress()],
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
