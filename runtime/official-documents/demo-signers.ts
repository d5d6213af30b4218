import type { Db } from '../db';
import { appendAudit } from '../audit';
import { createDemoCa, demoSignerFor, type DemoCa } from './signing';

/** The organ that signs for an organization: a county's or township's people's government, a sub-district's office. */
export function organNameOf(org: { name: string; kind: string }): string {
  if (org.kind === 'COUNTY' || org.kind === 'TOWNSHIP') return `${org.name}人民政府`;
  if (org.kind === 'SUBDISTRICT') return `${org.name}办事处`;
  return org.name;
}

/**
 * Demo mode and tests: a signing key and certificate for each issuing organization that has none, issued by one demo
 * CA made for the call (node-forge; its key is not kept). The seal is drawn when documents are rendered (no image).
 */
export async function provideDemoSigners(
  db: Db,
  organizations: { id: string; name: string; kind: string }[],
  ca: DemoCa = createDemoCa(),
): Promise<void> {
  for (const org of organizations) {
    if (await db.organizationSigner.findUnique({ where: { organizationId: org.id }, select: { organizationId: true } })) continue;
    const signer = demoSignerFor(ca, organNameOf(org));
    await db.$transaction(async (tx) => {
      await tx.organizationSigner.create({
        data: {
          organizationId: org.id,
          p12: new Uint8Array(signer.p12),
          passphrase: signer.passphrase,
          certSubject: signer.certSubject,
          certSerial: signer.certSerial,
          certNotAfter: signer.certNotAfter,
        },
      });
      await appendAudit(tx, {
        action: 'organization.signer-set',
        targetType: 'organization',
        targetId: org.id,
        actingOrgId: org.id,
        outcome: 'success',
        reason: 'demo signing material',
        data: { certSubject: signer.certSubject, certSerial: signer.certSerial, sealImage: false },
      });
    });
  }
}
