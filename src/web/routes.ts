// The route table shape each page area exports; the shell builds the router and the menus from it.
import type { ReactNode } from 'react';

export interface PageRoute {
  path: string;
  element: ReactNode;
  /** Shown in the side menu (desktop) when set; `mobile` also puts it in the bottom tab bar. */
  nav?: { key: string; icon: ReactNode; group?: 'registry'; mobile?: boolean; order: number };
  /** Roles that may open it; absent = every signed-in user. */
  roles?: string[];
}
