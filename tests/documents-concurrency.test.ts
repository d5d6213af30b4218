import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './support/harness';
import { makeOrganization, makeUser, signIn, type Session } from './support/factories';
import { TINY_PDF_BASE64 as PDF } from './support/fixtures';

describe('evidence uploads of the same bytes at the same time', () => {
  let h: Harness;
  let official: Session;

  beforeAll(async () => {
    h = await startHarness();
    const county = await makeOrganization(h.db, 'COUNTY');
    const township = await makeOrganization(h.db, 'TOWNSHIP', county.id);
    official = await signIn(h.api, (await makeUser(h.db, [{ organizationId: township.id, role: 'TOWNSHIP_OFFICIAL' }])).username);
  });
  afterAll(async () => h?.close());

  it('stores one blob and a document per upload (the web app sends several files at once)', async () => {
    const started = await official.request({ method: 'POST', url: '/api/v1/smoke-cases', payload: { title: '并发上传' } });
    expect(started.statusCode).toBe(201);
    const caseId = started.json<{ id: string }>().id;
    const task = await h.db.task.findFirstOrThrow({ where: { caseId } });
    const uploads = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((name) =>
        official.request({
          method: 'POST',
          url: `/api/v1/tasks/${task.id}/documents`,
          payload: { filename: `${name}.pdf`, mimeType: 'application/pdf', contentBase64: PDF },
        }),
      ),
    );
    expect(uploads.map((u) => u.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const shas = new Set(uploads.map((u) => u.json<{ sha256: string }>().sha256));
    expect(shas.size).toBe(1);
    expect(await h.db.documentBlob.count({ where: { sha256: [...shas][0]! } })).toBe(1);
    expect(await h.db.document.count({ where: { caseId } })).toBe(5);
  });
});
