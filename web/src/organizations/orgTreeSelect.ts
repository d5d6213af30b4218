import type { Language } from '../i18n';
import { orgKindName, organizationName } from '../i18n/names';
import type { OrgNode } from './orgTree';

export interface OrgTreeSelectNode {
  value: string;
  title: string;
  children?: OrgTreeSelectNode[];
}

/** TreeSelect data: "青石镇（乡镇）", searchable by its title. */
export function orgTreeSelectData(nodes: readonly OrgNode[], language: Language): OrgTreeSelectNode[] {
  const [open, close] = language === 'en' ? [' (', ')'] : ['（', '）'];
  return nodes.map((node) => ({
    value: node.org.id,
    title: `${organizationName(node.org, language)}${open}${orgKindName(node.org.kind, language)}${close}`,
    children: node.children.length > 0 ? orgTreeSelectData(node.children, language) : undefined,
  }));
}
