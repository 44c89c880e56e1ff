import { describe, expect, it } from 'vitest';
import { leadershipChallengeSchema } from '../../../src/domain/challenge';
import { logEntrySchema } from '../../../src/domain/logEntry';
import { strategyTrialSchema } from '../../../src/domain/strategyTrial';

const recordBase = {
  id: '01900000-0000-7000-8000-000000000001',
  owner: 'local',
  createdAt: '2026-05-14T09:30:00.000Z',
  updatedAt: '2026-05-14T09:30:00.000Z',
  deletedAt: null,
  clocks: { body: '001778751000000:000000:abc', moodScore: '001778751000000:000001:abc' },
};

describe('records written by a newer app version', () => {
  it('a log entry keeps a field this version does not know (moodScore)', () => {
    const parsed = logEntrySchema.parse({
      ...recordBase,
      occurredAt: '2026-05-14T09:30:00.000Z',
      body: 'Staff meeting went well.',
      moodScore: 4,
    });
    expect(parsed).toMatchObject({ moodScore: 4, body: 'Staff meeting went well.' });
    expect(parsed.clocks.moodScore).toBe(recordBase.clocks.moodScore);
  });

  it('a nested unknown value survives unchanged', () => {
    const energy = { morning: 3, afternoon: [1, 2] };
    const parsed = logEntrySchema.parse({ ...recordBase, occurredAt: recordBase.createdAt, body: 'x', energy });
    expect((parsed as Record<string, unknown>).energy).toEqual(energy);
  });

  it('challenges and trials keep unknown fields too', () => {
    const challenge = leadershipChallengeSchema.parse({ ...recordBase, focus: 'Managing change', issue: 'x', priority: 'high' });
    expect(challenge).toMatchObject({ priority: 'high' });
    const trial = strategyTrialSchema.parse({ ...recordBase, what: 'Lesson study', cohort: 'Y2' });
    expect(trial).toMatchObject({ cohort: 'Y2', status: 'planned' });
  });
});
