import { useMemo } from 'react';
import { listOrganizations, type Organization } from '../api/organizations';
import { useAsyncData, type AsyncData } from '../hooks/useAsyncData';
import { useMe } from '../session/context';
import { buildOrgTree, type OrgNode } from './orgTree';

/** The organizations in the caller's scope, flat and as a tree; reloaded when the membership changes. */
export function useOrganizations(): AsyncData<Organization[]> & { tree: OrgNode[]; byId: Map<string, Organization> } {
  const me = useMe();
  const result = useAsyncData((signal) => listOrganizations({}, signal), me.membership?.id ?? 'none');
  const tree = useMemo(() => buildOrgTree(result.data ?? []), [result.data]);
  const byId = useMemo(() => new Map((result.data ?? []).map((org) => [org.id, org])), [result.data]);
  return { ...result, tree, byId };
}
