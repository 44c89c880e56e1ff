import { describe, expect, it } from 'vitest';
import { parseUiPreferences } from '../../../src/app/state/uiPreferences';

describe('UI preferences kept in localStorage', () => {
  it('parses a legacy fixture from before trial filters existed, filling defaults', () => {
    const legacy = { journalOrder: 'oldest', journalTag: 'phonics' };
    expect(parseUiPreferences(legacy)).toEqual({
      journalOrder: 'oldest',
      journalTag: 'phonics',
      lastTemplate: 'free',
      trialStatusFilter: 'all',
    });
  });

  it('falls back field by field on values it cannot read', () => {
    expect(parseUiPreferences({ journalOrder: 'sideways', lastTemplate: 'gibbs', extra: true })).toMatchObject({
      journalOrder: 'newest',
      lastTemplate: 'gibbs',
    });
    expect(parseUiPreferences(undefined)).toMatchObject({ journalOrder: 'newest', journalTag: null });
  });
});
