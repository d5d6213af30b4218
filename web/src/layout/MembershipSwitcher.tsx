import { App, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errorText';
import { currentLanguage } from '../i18n';
import { membershipLabel } from '../i18n/names';
import { useMe, useSession } from '../session/context';

/** Chooses the membership (organization × role) the user acts under: PUT /me/membership, then reload /me. */
export function MembershipSwitcher({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const { switchMembership } = useSession();
  const { message } = App.useApp();
  const [switching, setSwitching] = useState(false);

  const onChange = async (membershipId: string) => {
    setSwitching(true);
    try {
      await switchMembership(membershipId);
      void message.success(t('membership.switched'));
    } catch (error) {
      void message.error(describeError(error, t, language));
    } finally {
      setSwitching(false);
    }
  };

  return (
    <Select
      aria-label={t('membership.label')}
      value={me.membership?.id}
      placeholder={t('membership.none')}
      loading={switching}
      disabled={switching || me.memberships.length === 0}
      onChange={(value: string) => void onChange(value)}
      options={me.memberships.map((m) => ({ value: m.id, label: membershipLabel(m, language) }))}
      popupMatchSelectWidth={false}
      style={block ? { width: '100%' } : { width: 240, maxWidth: '28vw' }}
    />
  );
}
