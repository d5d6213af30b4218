import { describe, expect, it } from '@jest/globals';
import { serviceCentreInput } from '../domain/forms/service-centre';
import { aggregateCentres, CENTRE_TARGET_RULES, evaluateCentre } from '../domain/rules/service-centre-targets';

const centre = (areaM2: string, hasOneStopHall = true) => serviceCentreInput.parse({ areaM2, hasOneStopHall });

describe('CT-TOWNSHIP-CENTRE and CT-COUNTY-CENTRE (鲁办发〔2012〕22号 二(三)1), compared exactly on hundredths of m²', () => {
  it('CT-TOWNSHIP-CENTRE: a township or sub-district centre of exactly 1,000.00 m² with a one-stop hall meets it', () => {
    expect(evaluateCentre('TOWNSHIP', centre('1000.00'))).toMatchObject({ id: 'CT-TOWNSHIP-CENTRE', passed: true });
    expect(evaluateCentre('SUBDISTRICT', centre('1000'))).toMatchObject({ id: 'CT-TOWNSHIP-CENTRE', passed: true });
  });

  it('CT-TOWNSHIP-CENTRE: 999.99 m² misses it (0.01 m² short), however grand the hall', () => {
    expect(evaluateCentre('TOWNSHIP', centre('999.99')).passed).toBe(false);
    expect(evaluateCentre('SUBDISTRICT', centre('999.99')).passed).toBe(false);
  });

  it('CT-TOWNSHIP-CENTRE: without a one-stop hall it misses, whatever the area', () => {
    expect(evaluateCentre('TOWNSHIP', centre('1000.00', false)).passed).toBe(false);
    expect(evaluateCentre('TOWNSHIP', centre('5000', false)).passed).toBe(false);
  });

  it('CT-COUNTY-CENTRE: exactly 3,000.00 m² with a hall meets it; 2,999.99 m² or no hall misses it', () => {
    expect(evaluateCentre('COUNTY', centre('3000.00'))).toMatchObject({ id: 'CT-COUNTY-CENTRE', passed: true });
    expect(evaluateCentre('COUNTY', centre('2999.99')).passed).toBe(false);
    expect(evaluateCentre('COUNTY', centre('3000.00', false)).passed).toBe(false);
    // A township's 1,000 m² is not a county's: each area is held to its own level's threshold.
    expect(evaluateCentre('COUNTY', centre('1000.00')).passed).toBe(false);
  });

  it('an area without a record for the year misses its rule (it is not shown to meet it)', () => {
    expect(evaluateCentre('TOWNSHIP', null)).toMatchObject({ passed: false, values: { recorded: false } });
    expect(evaluateCentre('COUNTY', null)).toMatchObject({ id: 'CT-COUNTY-CENTRE', passed: false });
  });

  it('refuses an area with more than two decimals or given as a number, so no float reaches the comparison', () => {
    expect(serviceCentreInput.safeParse({ areaM2: '1000.005', hasOneStopHall: true }).success).toBe(false);
    expect(serviceCentreInput.safeParse({ areaM2: 1000, hasOneStopHall: true }).success).toBe(false);
    expect(CENTRE_TARGET_RULES['CT-TOWNSHIP-CENTRE'].minAreaHundredths).toBe(100_000n);
    expect(CENTRE_TARGET_RULES['CT-COUNTY-CENTRE'].minAreaHundredths).toBe(300_000n);
  });

  it('aggregates areas that meet each rule of all the areas it holds, every area being the target', () => {
    const results = new Map([
      ['t1', evaluateCentre('TOWNSHIP', centre('1000.00'))],
      ['t2', evaluateCentre('SUBDISTRICT', centre('999.99'))],
      ['t3', evaluateCentre('TOWNSHIP', null)],
      ['c1', evaluateCentre('COUNTY', centre('3000'))],
    ]);
    const [township, county] = aggregateCentres(results);
    expect(township).toMatchObject({ id: 'CT-TOWNSHIP-CENTRE', met: 1, evaluated: 3, missing: ['t2', 't3'], meetsTarget: false });
    expect(county).toMatchObject({ id: 'CT-COUNTY-CENTRE', met: 1, evaluated: 1, missing: [], meetsTarget: true, percent: 100 });
  });
});
