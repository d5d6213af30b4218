import type { Organization } from '../api/organizations';

export interface OrgNode {
  org: Organization;
  depth: number;
  children: OrgNode[];
}

/**
 * Builds the tree from the API's flat list. Roots are organizations whose parent is not in the list (the top of
 * the caller's scope). Children are ordered by code.
 */
export function buildOrgTree(orgs: readonly Organization[]): OrgNode[] {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const children = new Map<string | null, Organization[]>();
  for (const org of orgs) {
    const parent = org.parentId !== null && byId.has(org.parentId) ? org.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), org]);
  }
  const build = (parentId: string | null, depth: number): OrgNode[] =>
    [...(children.get(parentId) ?? [])]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((org) => ({ org, depth, children: build(org.id, depth + 1) }));
  return build(null, 0);
}

/** Keeps the nodes that match and their ancestors (so a match is shown in place). */
export function filterOrgTree(nodes: readonly OrgNode[], matches: (org: Organization) => boolean): OrgNode[] {
  return nodes.flatMap((node) => {
    const children = filterOrgTree(node.children, matches);
    return matches(node.org) || children.length > 0 ? [{ ...node, children }] : [];
  });
}

/** Search by name, English name or code, ignoring case. */
export function orgMatcher(query: string): (org: Organization) => boolean {
  const needle = query.trim().toLowerCase();
  return (org) => [org.name, org.nameEn ?? '', org.code].some((text) => text.toLowerCase().includes(needle));
}

export function walkOrgTree(nodes: readonly OrgNode[], visit: (node: OrgNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walkOrgTree(node.children, visit);
  }
}

function pathTo(nodes: readonly OrgNode[], id: string): string[] | undefined {
  for (const node of nodes) {
    if (node.org.id === id) return [id];
    const below = pathTo(node.children, id);
    if (below) return [node.org.id, ...below];
  }
  return undefined;
}

/** Ids of the organization's ancestors in the tree (root first), or [] when it is not in the tree. */
export function ancestorIds(nodes: readonly OrgNode[], id: string): string[] {
  return pathTo(nodes, id)?.slice(0, -1) ?? [];
}
