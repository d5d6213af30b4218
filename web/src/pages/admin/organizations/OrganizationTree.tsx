import { Flex, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../../i18n';
import { organizationName } from '../../../i18n/names';
import { OrgKindTag } from '../../../organizations/OrgKindTag';
import { ancestorIds, filterOrgTree, orgMatcher, walkOrgTree, type OrgNode } from '../../../organizations/orgTree';

/** Levels whose children are shown when the page opens (province, city, county); a search expands all it shows. */
const INITIALLY_EXPANDED_DEPTH = 3;

function toTreeData(nodes: readonly OrgNode[], language: Language): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.org.id,
    title: (
      <Flex gap={6} wrap align="center" component="span">
        <span>{organizationName(node.org, language)}</span>
        <OrgKindTag kind={node.org.kind} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {node.org.code}
        </Typography.Text>
      </Flex>
    ),
    children: node.children.length > 0 ? toTreeData(node.children, language) : undefined,
  }));
}

function expandedFor(nodes: readonly OrgNode[], all: boolean): string[] {
  const keys: string[] = [];
  walkOrgTree(nodes, (node) => {
    if (all || node.depth < INITIALLY_EXPANDED_DEPTH) keys.push(node.org.id);
  });
  return keys;
}

interface OrganizationTreeProps {
  tree: OrgNode[];
  query: string;
  selectedId: string | undefined;
  onSelect: (id: string | undefined) => void;
}

export function OrganizationTree({ tree, query, selectedId, onSelect }: OrganizationTreeProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const searching = query.trim() !== '';
  const shown = useMemo(() => (searching ? filterOrgTree(tree, orgMatcher(query)) : tree), [tree, query, searching]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const initialised = useRef(false);

  // First load and each new search: the default expansion. A reload (after a write) keeps what the user opened.
  useEffect(() => {
    if (shown.length === 0) return;
    if (!searching && initialised.current) return;
    initialised.current = !searching;
    setExpanded(expandedFor(shown, searching));
  }, [shown, searching]);

  // The selected node (e.g. one just created) is always visible.
  useEffect(() => {
    if (!selectedId) return;
    const ancestors = ancestorIds(tree, selectedId);
    setExpanded((keys) => (ancestors.every((id) => keys.includes(id)) ? keys : [...new Set([...keys, ...ancestors])]));
  }, [tree, selectedId]);

  if (searching && shown.length === 0) {
    return <Typography.Text type="secondary">{t('organizations.noMatch')}</Typography.Text>;
  }
  return (
    <Tree
      aria-label={t('organizations.tree')}
      blockNode
      showLine
      treeData={toTreeData(shown, language)}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => onSelect(keys[0] === undefined ? undefined : String(keys[0]))}
    />
  );
}
