import { randomUUID } from 'node:crypto';
import type { DbClient } from './db';
import type { OrgKind } from '../prisma/generated/client';

export interface NewOrganization {
  code: string;
  name: string;
  nameEn?: string;
  kind: OrgKind;
  parentId?: string | null;
}

/** Creates an organization under its parent, with its materialized path ("/root/…/self/"). */
export async function createOrganization(db: DbClient, input: NewOrganization) {
  const id = randomUUID();
  const parent = input.parentId
    ? await db.organization.findUniqueOrThrow({ where: { id: input.parentId }, select: { path: true } })
    : null;
  return db.organization.create({
    data: {
      id,
      code: input.code,
      name: input.name,
      nameEn: input.nameEn,
      kind: input.kind,
      parentId: input.parentId ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
    },
  });
}
