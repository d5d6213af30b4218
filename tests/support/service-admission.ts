import { makeOrganization, makeUser, signIn } from './factories';
import type { Harness } from './harness';

/**
 * The applying side of a 社区工作事项准入 in a county: a department with its applicant signed in, a sub-district and one
 * of its communities.
 */
export async function departmentAndCommunity(
  h: Harness,
  countyId: string,
  names: { department: string; subdistrict: string; community: string },
) {
  const department = await makeOrganization(h.db, 'DEPARTMENT', countyId, names.department);
  const subdistrict = await makeOrganization(h.db, 'SUBDISTRICT', countyId, names.subdistrict);
  const community = await makeOrganization(h.db, 'COMMUNITY', subdistrict.id, names.community);
  const user = await makeUser(h.db, [{ organizationId: department.id, role: 'DEPARTMENT_APPLICANT' }]);
  return { department, subdistrict, community, user, session: await signIn(h.api, user.username) };
}
