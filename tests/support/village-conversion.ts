import { expect } from '@jest/globals';
import { CONVERSION_EVIDENCE_KEYS, TINY_PDF_BASE64 } from './fixtures';
import { makeOrganization, makeUser, signIn, type Session } from './factories';
import type { Harness } from './harness';

/**
 * The county side of a 村改居: a county (`<county>`), its civil-affairs bureau (`<county>民政局`) and a township, with
 * a township official, a civil-affairs reviewer and a county approver, each signed in.
 */
export async function conversionCounty(h: Harness, names: { county: string; town: string }) {
  const county = await makeOrganization(h.db, 'COUNTY', undefined, names.county);
  const bureau = await makeOrganization(h.db, 'CIVIL_AFFAIRS_BUREAU', county.id, `${names.county}民政局`);
  const town = await makeOrganization(h.db, 'TOWNSHIP', county.id, names.town);
  const users = {
    township: await makeUser(h.db, [{ organizationId: town.id, role: 'TOWNSHIP_OFFICIAL' }]),
    reviewer: await makeUser(h.db, [{ organizationId: bureau.id, role: 'COUNTY_CIVIL_AFFAIRS_REVIEWER' }]),
    approver: await makeUser(h.db, [{ organizationId: county.id, role: 'COUNTY_APPROVER' }]),
  };
  return {
    county,
    bureau,
    town,
    users,
    township: await signIn(h.api, users.township.username),
    reviewer: await signIn(h.api, users.reviewer.username),
    approver: await signIn(h.api, users.approver.username),
  };
}

/** A village of the township with its committee official, signed in (one open or approved conversion per village). */
export async function conversionVillage(h: Harness, townId: string, name: string) {
  const org = await makeOrganization(h.db, 'VILLAGE', townId, name);
  const user = await makeUser(h.db, [{ organizationId: org.id, role: 'VILLAGE_COMMITTEE_OFFICIAL' }]);
  return { org, user, session: await signIn(h.api, user.username) };
}

/**
 * Uploads one PDF for each piece of evidence a 村改居 application attaches, on its 准备申请 task, each answered 201;
 * returns the `evidence` of the task's form (key → document ids). File names are `<key>.pdf` unless `filename` says.
 */
export async function uploadEvidence(
  session: Session,
  taskId: string,
  filename: (key: string, index: number) => string = (key) => `${key}.pdf`,
): Promise<Record<string, string[]>> {
  const evidence: Record<string, string[]> = {};
  for (const [index, key] of CONVERSION_EVIDENCE_KEYS.entries()) {
    const res = await session.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/documents`,
      payload: { filename: filename(key, index), mimeType: 'application/pdf', contentBase64: TINY_PDF_BASE64 },
    });
    expect(res.statusCode).toBe(201);
    evidence[key] = [res.json<{ id: string }>().id];
  }
  return evidence;
}
