// Cached look-ups of the registry (terms, sectors, groups, townships, departments) that many office pages share.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../../api';
import { useAuth } from '../../../auth';

export interface Term {
  id: number;
  number: number;
  name: string;
  startDate: string;
  endDate: string | null;
  isCurrent: boolean;
}
export interface Sector {
  id: number;
  termId: number;
  parentId: number | null;
  name: string;
  sortOrder: number;
  memberCount: number;
  children: Sector[];
}
export interface Region {
  id: number;
  code: string;
  name: string;
  level: 'township' | 'village';
  parentId: number | null;
  parentName: string | null;
  contactName: string;
  contactPhone: string;
  memberCount: number;
  representativeCount: number;
}
export interface Group {
  id: number;
  name: string;
  townshipId: number;
  townshipName: string;
  leaderMemberId: number | null;
  leaderName: string | null;
  memberCount: number;
}
export interface Department {
  id: number;
  name: string;
  kind: 'township' | 'county';
  townshipId: number | null;
  townshipName: string | null;
  representativeCount: number;
}

/** Query keys the office pages invalidate after a write. */
export const keys = {
  terms: ['terms'] as const,
  sectors: (termId?: number) => ['sectors', termId ?? 'current'] as const,
  groups: ['liaison-groups'] as const,
  townships: ['townships'] as const,
  departments: (townshipId?: number) => ['departments', townshipId ?? 'all'] as const,
};

/** Every term, oldest first. */
export const useTerms = () =>
  useQuery({ queryKey: keys.terms, queryFn: async () => (await api<{ items: Term[] }>('/terms')).items });

/** The sector tree and flat list of one term (the current one when none is given). */
export const useSectors = (termId?: number) =>
  useQuery({
    queryKey: keys.sectors(termId),
    queryFn: () => api<{ termId: number; items: Sector[]; tree: Sector[] }>(`/sectors${qs({ termId })}`),
  });

/** Liaison groups with leader and member count. */
export const useGroups = () =>
  useQuery({ queryKey: keys.groups, queryFn: async () => (await api<{ items: Group[] }>('/liaison-groups')).items });

/** All townships/streets, by code. */
export const useTownships = () =>
  useQuery({
    queryKey: keys.townships,
    queryFn: async () => (await api<{ items: Region[] }>('/regions?level=township&pageSize=1000')).items,
  });

/** Township departments, optionally of one township. */
export const useDepartments = (townshipId?: number) =>
  useQuery({
    queryKey: keys.departments(townshipId),
    queryFn: async () => (await api<{ items: Department[] }>(`/departments${qs({ townshipId })}`)).items,
  });

/**
 * Whether the registry's edit buttons show. The registry list endpoints carry no `abilities`, and the server
 * lets only office staff (admin) keep the registry, so this one role check stands in until they do.
 */
export function useCanKeepRegistry(): boolean {
  return useAuth().has('admin');
}
