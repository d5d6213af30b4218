import { Tag } from 'antd';
import type { OrgKindName } from '../api/schemas/shared';
import { currentLanguage } from '../i18n';
import { orgKindName } from '../i18n/names';

// Only presets whose text keeps a 4.5:1 contrast on their own background (WCAG AA); undefined = neutral.
const KIND_COLORS: Record<OrgKindName, string | undefined> = {
  PROVINCE: 'blue',
  CITY: 'blue',
  COUNTY: 'blue',
  TOWNSHIP: 'geekblue',
  SUBDISTRICT: 'geekblue',
  COMMUNITY: undefined,
  VILLAGE: undefined,
  CIVIL_AFFAIRS_BUREAU: 'purple',
  DEPARTMENT: 'purple',
  ELECTION_COMMITTEE: 'magenta',
  OWNERS_COMMITTEE: 'magenta',
};

export function OrgKindTag({ kind }: { kind: OrgKindName }) {
  return (
    <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {orgKindName(kind, currentLanguage())}
    </Tag>
  );
}
