import { describe, expect, it } from '@jest/globals';
import { createElectionActivities } from '../activities/election';
import type { Db } from '../runtime/db';

describe('worker settings reach activities as configuration', () => {
  // The calendar activity reads no table: the database client is never used.
  const db = {} as Db;

  it('runs new elections on the statute’s calendar unless the worker is configured with the reliability harnesses’ calendar of seconds', async () => {
    expect(await createElectionActivities({ db }).electionCalendar()).toBeNull();
    const shortened = await createElectionActivities({ db, reliabilityShortenedCalendar: true }).electionCalendar();
    expect(shortened).toMatchObject({ objectionWindowMs: 1_500, electionDayInMs: 1_500 });
  });
});
