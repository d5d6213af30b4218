import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';
import { outcomeName, stageName, stageTone, type ServiceItemStage } from './labels';

/** Where an application stands; a closed one says how it ended. */
export function StageTag({ stage, outcome }: { stage: ServiceItemStage; outcome: string | null }) {
  const { t } = useTranslation();
  return (
    <ToneTag tone={stageTone(stage)}>
      {stage === 'closed' && outcome ? `${stageName(stage, t)}（${outcomeName(outcome, t)}）` : stageName(stage, t)}
    </ToneTag>
  );
}
