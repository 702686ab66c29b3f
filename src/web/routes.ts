// The route table shape each page area exports; the shell builds the router and the menus from it.
import { type ComponentType, lazy, type ReactNode } from 'react';

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
 * public-main.tsx) supply the Suspense fallback.
 */
export function lazyComponent<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as M[K];
}
