// The route table shape each page area exports; the shell builds the router and the menus from it.
import { type ComponentType, lazy, type ReactNode } from 'react';
import { loadAreas } from './i18n/setup';

export interface PageRoute {
  path: string;
  element: ReactNode;
  /** Shown in the side menu (desktop) when set; `mobile` also puts it in the bottom tab bar. */
  nav?: { key: string; icon: ReactNode; group?: 'registry'; mobile?: boolean; order: number };
  /** Roles that may open it; absent = every signed-in user. */
  roles?: string[];
}

/**
 * A page component loaded on first render: `const ListPage = lazyComponent(() => import('./list-page'), 'ListPage')`
 * makes the module its own chunk, so an entry downloads only the pages a user opens. The route outlets (shell.tsx,
 * public-main.tsx) supply the Suspense fallback. It renders once the message catalogues of `areas` are in too (every
 * area of the entry by default; a page that needs fewer names them, a component without texts passes []).
 */
export function lazyComponent<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  areas: readonly string[] | 'all' = 'all',
): M[K] {
  return lazy(async () => {
    const [mod] = await Promise.all([load(), loadAreas(areas)]);
    return { default: mod[name] as ComponentType<any> };
  }) as M[K];
}
