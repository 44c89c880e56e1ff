import { describe, expect, it } from 'vitest';
import { draftHoldsWriting } from '../../../../src/app/account/draftHoldsWriting';
import { BLANK_ENTRY_FORM } from '../../../../src/app/journal/entryForm';

describe('whether a draft holds writing', () => {
  it('is false for what a blank form holds: empty fields, dates, ids and the template', () => {
    expect(draftHoldsWriting(BLANK_ENTRY_FORM)).toBe(false);
    expect(draftHoldsWriting({ ...BLANK_ENTRY_FORM, template: 'what-so-what', occurredAtLocal: '2026-05-14T08:30' })).toBe(false);
    expect(draftHoldsWriting({ heldOn: '2026-05-14', focus: '  ', notes: '', nextSteps: '' })).toBe(false);
    expect(draftHoldsWriting({ challengeId: '01890a5d-ac96-774b-bcce-b302099a8057', responses: {} })).toBe(false);
    expect(draftHoldsWriting([])).toBe(false);
    expect(draftHoldsWriting(undefined)).toBe(false);
  });

  it('is true for any typed words, however short, wherever they sit', () => {
    expect(draftHoldsWriting('Phonics')).toBe(true);
    expect(draftHoldsWriting({ ...BLANK_ENTRY_FORM, body: 'TA deployment in KS1' })).toBe(true);
    expect(draftHoldsWriting({ ...BLANK_ENTRY_FORM, responses: { soWhat: 'calmer' } })).toBe(true);
    expect(draftHoldsWriting({ ...BLANK_ENTRY_FORM, tagsText: 'behaviour' })).toBe(true);
  });

  it('is true for a chosen photo', () => {
    expect(draftHoldsWriting([{ blob: new Blob([new Uint8Array([1, 2, 3])]), width: 10, height: 10 }])).toBe(true);
    expect(draftHoldsWriting({ data: new Uint8Array([1]).buffer })).toBe(true);
    expect(draftHoldsWriting([{ blob: new Blob([]), width: 0, height: 0 }])).toBe(false);
  });
});
