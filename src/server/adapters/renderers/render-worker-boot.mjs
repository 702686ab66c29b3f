// Worker entry loaded by piscina: registers tsx's loader in this thread (vitest workers and plain `node` have none),
// then exposes the TypeScript worker's task function.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./render-worker.ts');
export default mod.default;
