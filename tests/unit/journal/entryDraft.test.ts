import { describe, expect, it } from 'vitest';
import { BLANK_ENTRY_FORM, parseEntryDraft, toLogEntryInput } from '../../../src/app/journal/entryForm';

describe('new-entry draft persisted on the device', () => {
  it('still opens a draft written by an earlier version (legacy fixture)', () => {
    // Shape of an early draft: body and template only, plus a field since dropped.
    const legacy = { body: 'Notes from the Oakfield Primary visit', template: 'learning-cycle', photoNote: 'wall' };
    expect(parseEntryDraft(legacy)).toEqual({
      ...BLANK_ENTRY_FORM,
      body: 'Notes from the Oakfield Primary visit',
      template: 'learning-cycle',
    });
  });

  it('keeps the readable fields of a damaged draft and defaults the rest', () => {
    const damaged = { body: 'Half-written reflection', template: 'no-such-template', responses: 'oops', tagsText: 42 };
    expect(parseEntryDraft(damaged)).toEqual({ ...BLANK_ENTRY_FORM, body: 'Half-written reflection' });
    expect(parseEntryDraft(null)).toEqual(BLANK_ENTRY_FORM);
    expect(parseEntryDraft('garbage')).toEqual(BLANK_ENTRY_FORM);
  });

  it('turns the form into an entry: tags split, empty prompts dropped, empty date means now', () => {
    const now = new Date('2026-05-14T09:30:00.000Z');
    const input = toLogEntryInput(
      { ...BLANK_ENTRY_FORM, body: 'x', tagsText: 'phonics, KS1, phonics', responses: { what: 'a', soWhat: '  ' } },
      now,
    );
    expect(input).toMatchObject({ occurredAt: now.toISOString(), tags: ['phonics', 'KS1'], responses: { what: 'a' } });
  });
});
