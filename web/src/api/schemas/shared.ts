/**
 * The API's own zod schemas, shared with the web app: these modules are pure (zod + domain/) and bundle for the
 * browser as they are. api/schemas/users.ts is not imported: it pulls in api/services/auth/passwords.ts and with it
 * the native @node-rs/argon2, so its schemas are copied in ./users.ts.
 */
export { loginBody, meResponse, membershipView } from '../../../../api/schemas/me';
export {
  createOrganizationBody,
  importOrganizationsBody,
  importResult,
  importRowError,
  organizationCode,
  organizationView,
  updateOrganizationBody,
} from '../../../../api/schemas/organizations';
export { ORG_KINDS, ORG_KIND_NAMES, ALLOWED_PARENTS, canHaveParent, type OrgKindName } from '../../../../domain/organizations';
export { ROLES, ROLE_NAMES, type RoleName } from '../../../../domain/roles';
