// Queries several field pages share: a member with their villages, a member's representatives, this working year.
import { useQueries, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { CONTACT_METHODS, HANDLING_STATUS, PURPOSE_TAGS } from '../../../core/code-tables';
import { chinaYear, yearRange } from '../../../core/working-year';
import { api, qs } from '../../api';
import type { MemberDetail, Representative } from './types';

/** Reads a JSON copy kept for offline use (village list, contact list) so the record screen works without signal. */
function readCache<T>(key: string): T | undefined {
  try {
    const s = localStorage.getItem(`jl.cache.${key}`);
    return s ? (JSON.parse(s) as T) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(key: string, value: unknown) {
  try {
    localStorage.setItem(`jl.cache.${key}`, JSON.stringify(value));
  } catch {
    /* storage full: the in-memory cache still works */
  }
}

const memberQuery = (id: number) => ({
  queryKey: ['member', id],
  queryFn: () => api<MemberDetail>(`/members/${id}`),
  initialData: () => readCache<MemberDetail>(`member.${id}`),
  initialDataUpdatedAt: 0,
  staleTime: 60_000,
});

/** One member with villages and last visit dates; cached on the device for offline recording. */
export function useMember(id: number | null | undefined) {
  const q = useQuery({ ...memberQuery(id ?? 0), enabled: !!id });
  useEffect(() => {
    if (id && q.data && q.isFetched)
      writeCache(`member.${id}`, { ...q.data, phone: undefined, address: undefined, email: undefined });
  }, [id, q.data, q.isFetched]);
  return q;
}

/** Several members at once (an activity may have several). */
export function useMembers(ids: number[]) {
  return useQueries({ queries: ids.map((id) => memberQuery(id)) });
}

/** Minimal contact fields kept on the device (no phone or address). */
export type ContactLite = Pick<Representative, 'id' | 'name' | 'post' | 'workUnit' | 'regionName' | 'departmentName'>;

const repsQuery = (memberId: number) => ({
  queryKey: ['/representatives', 'of-member', memberId],
  queryFn: async () => {
    const r = await api<{ items: Representative[] }>(`/representatives${qs({ memberId, pageSize: 500 })}`);
    const lite: ContactLite[] = r.items.map(({ id, name, post, workUnit, regionName, departmentName }) => ({
      id,
      name,
      post,
      workUnit,
      regionName,
      departmentName,
    }));
    writeCache(`reps.${memberId}`, lite);
    return lite;
  },
  initialData: () => readCache<ContactLite[]>(`reps.${memberId}`),
  initialDataUpdatedAt: 0,
  staleTime: 60_000,
});

/** The representatives linked to each given member, merged and de-duplicated. */
export function useMembersReps(memberIds: number[]) {
  const results = useQueries({ queries: memberIds.map((id) => repsQuery(id)) });
  const map = new Map<number, ContactLite>();
  for (const r of results) for (const c of r.data ?? []) map.set(c.id, c);
  return { contacts: [...map.values()], loading: results.some((r) => r.isLoading) };
}

/** Full registry rows (contact details as the server shows them) of the members' representatives, by id. */
export function useRepsById(memberIds: number[]) {
  const results = useQueries({
    queries: memberIds.map((memberId) => ({
      queryKey: ['/representatives', { memberId, pageSize: 500 }],
      queryFn: () => api<{ items: Representative[] }>(`/representatives${qs({ memberId, pageSize: 500 })}`),
    })),
  });
  const map = new Map<number, Representative>();
  for (const r of results) for (const c of r.data?.items ?? []) map.set(c.id, c);
  return map;
}

/** The current working year and its date range (Beijing calendar year). */
export function currentYear() {
  const year = chinaYear(new Date());
  return { year, ...yearRange(year) };
}

/** Today's date in Beijing time, YYYY-MM-DD. */
export function todayIso() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

type CodeKind = 'method' | 'purpose' | 'status';
const LISTS = { method: CONTACT_METHODS, purpose: PURPOSE_TAGS, status: HANDLING_STATUS } as const;

/** Translated label of an activity code (联系方式, purpose, handling status); falls back to the code list's Chinese label. */
export function codeLabel(t: TFunction, kind: CodeKind, code: string): string {
  const fallback =
    (LISTS[kind] as readonly { code: string; label: string }[]).find((c) => c.code === code)?.label ?? code;
  return t(`field.${kind}.${code}`, { defaultValue: fallback });
}

/** Options for CheckButtons / Select over an activity code list. */
export function codeOptions(t: TFunction, kind: CodeKind) {
  return LISTS[kind].map((c) => ({ value: c.code as string, label: codeLabel(t, kind, c.code) }));
}

/** Liaison groups for filters and the 汇总表 (one per township/street). */
export function useGroups() {
  return useQuery({
    queryKey: ['/liaison-groups'],
    queryFn: () => api<{ items: Array<{ id: number; name: string; townshipName: string }> }>('/liaison-groups'),
    staleTime: 300_000,
    select: (d) => d.items.map((g) => ({ value: g.id, label: g.name })),
  });
}
