// The signed-in user for the whole app, loaded from /auth/me; login and logout update it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { ApiError, api, keptGets, setCsrfToken } from './api';

// The service worker keeps API answers on the phone for offline use (cache 'jl-api', see vite.config.ts). They belong
// to the member signed in: signing out or in forgets them, so a shared phone never shows one member's data to another.
// keptGets (what the offline warm-up skips) describes that cache, so it is forgotten with it.
const forgetStoredAnswers = () => {
  keptGets.clear();
  return typeof caches === 'undefined' ? Promise.resolve(false) : caches.delete('jl-api').catch(() => false);
};

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  memberId: number | null;
  groupId: number | null;
  townshipId: number | null;
  /** The department a dept_handler works for. */
  departmentId: number | null;
  mustChangePassword?: boolean;
}

interface AuthState {
  me: Me | null;
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  has(...roles: string[]): boolean;
}

const Ctx = createContext<AuthState | null>(null);

/** Provides the current user; a 401 anywhere clears it so the login page shows. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const meQuery = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const r = await api<{ user: Me; csrfToken: string }>('/auth/me');
        setCsrfToken(r.csrfToken);
        return r.user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  useEffect(() => {
    const onUnauth = () => qc.setQueryData(['me'], null);
    window.addEventListener('jl:unauthenticated', onUnauth);
    return () => window.removeEventListener('jl:unauthenticated', onUnauth);
  }, [qc]);
  const me = meQuery.data ?? null;
  const state: AuthState = {
    me,
    loading: meQuery.isLoading,
    async login(username, password) {
      const r = await api<{ user: Me; csrfToken: string }>('/auth/login', { body: { username, password } });
      setCsrfToken(r.csrfToken);
      await forgetStoredAnswers();
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], r.user);
    },
    async logout() {
      await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
      await forgetStoredAnswers();
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], null);
    },
    has: (...roles) => !!me?.roles.some((r) => roles.includes(r)),
  };
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

/** The auth state; components use it for the user and role checks. */
export function useAuth(): AuthState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useAuth outside AuthProvider');
  return s;
}
