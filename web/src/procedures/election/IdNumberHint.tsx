import { useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { parseResidentId, residentIdProblemText } from '../../../../domain/resident-id';

/**
 * Live feedback on a resident ID number as it is typed, with the same GB 11643 check the server runs
 * (domain/resident-id.ts): once 18 characters are in, either the birth date it holds or what is wrong with it.
 */
export function IdNumberHint<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
}: {
  control: Control<T, unknown, TOut>;
  name: N;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const value: unknown = useWatch({ control, name });
  const text = typeof value === 'string' ? value.trim() : '';
  let hint = t('election.fields.idNumberHelp');
  // Dark green and red (≥ 7:1 on white): antd's success and error text colours miss WCAG AA contrast.
  let colour: string | undefined;
  if (text.length === 18) {
    const parsed = parseResidentId(text);
    if (parsed.ok) {
      hint = t('election.fields.idNumberValid', { birthDate: parsed.birthDate });
      colour = '#135200';
    } else {
      hint = residentIdProblemText(parsed.problem)[language];
      colour = '#a8071a';
    }
  }
  return (
    <span style={colour ? { color: colour } : undefined} aria-live="polite">
      {hint}
    </span>
  );
}
