import { z } from 'zod';
import { areaText } from './community-profile';

/**
 * A township's (sub-district's) or county's community service centre in one year (issue 22; 鲁办发〔2012〕22号 二(三)1):
 * its floor area (m², at most two decimals, compared exactly as hundredths) and whether it has a "一站式" service hall.
 * The API and the web form validate with this schema; CT-TOWNSHIP-CENTRE and CT-COUNTY-CENTRE read the parsed value.
 */
export const serviceCentreInput = z
  .object({
    areaM2: areaText,
    hasOneStopHall: z.boolean(),
  })
  .strict();
export type ServiceCentreInput = z.infer<typeof serviceCentreInput>;

/** The organization kinds that keep a service centre record, and which rule each is held to. */
export const CENTRE_LEVELS = {
  TOWNSHIP: 'TOWNSHIP',
  SUBDISTRICT: 'TOWNSHIP',
  COUNTY: 'COUNTY',
} as const satisfies Record<string, 'TOWNSHIP' | 'COUNTY'>;
export type CentreKind = keyof typeof CENTRE_LEVELS;
export const CENTRE_KINDS = Object.keys(CENTRE_LEVELS) as CentreKind[];

export function isCentreKind(kind: string): kind is CentreKind {
  return (CENTRE_KINDS as string[]).includes(kind);
}
