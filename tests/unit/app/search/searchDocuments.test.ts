import { describe, expect, it } from 'vitest';
import { highlightAll, snippet, toSegments } from '../../../../src/app/search/highlight';
import {
  buildSearchContext,
  coachingDocument,
  entryDocument,
  meetingDocument,
  roundDocument,
  trialDocument,
} from '../../../../src/app/search/searchDocuments';
import type { LogEntry } from '../../../../src/domain/logEntry';
import type { CoachingSession } from '../../../../src/domain/sets/coachingSession';
import type { LearningSet } from '../../../../src/domain/sets/learningSet';
import type { Meeting } from '../../../../src/domain/sets/meeting';
import type { MeetingRound } from '../../../../src/domain/sets/meetingRound';
import type { Membership } from '../../../../src/domain/sets/membership';
import type { StrategyTrial } from '../../../../src/domain/strategyTrial';

const ME = 'user-priya';
const base = { owner: ME, createdAt: '2026-05-14T09:00:00.000Z', updatedAt: '2026-05-14T09:00:00.000Z', deletedAt: null, clocks: {} };
const membership = (userId: string, displayName: string, setId: string | null, role: Membership['role'] = 'participant'): Membership => ({
  ...base, id: `m-${userId}-${setId}`, owner: 'coordinator', cohortId: 'c1', userId, displayName, role, setId, coacheeId: role === 'coach' ? ME : null, status: 'active', withdrawnOn: null,
});
const context = buildSearchContext({
  owner: ME,
  memberships: [membership(ME, 'Priya Shah', 'set-a'), membership('user-tom', 'Tom Reed', 'set-a'), membership('user-sam', 'Sam Lee', null, 'coach'), membership('user-ola', 'Ola Berg', 'set-b')],
  learningSets: [{ ...base, id: 'set-a', owner: 'coordinator', cohortId: 'c1', name: 'Set A — primary' } as LearningSet],
  meetings: [],
});

const entry = (fields: Partial<LogEntry>): LogEntry => ({
  ...base, id: 'e1', occurredAt: '2026-05-14T09:00:00.000Z', body: 'Learning walk in KS1 phonics.', template: 'free', responses: {}, tags: ['phonics'],
  challengeId: null, trialId: null, measureId: null, visibility: 'private', ...fields,
});
const meeting: Meeting = {
  ...base, id: 'meet-1', owner: 'user-fac', setId: 'set-a', heldOn: '2026-05-14', place: 'Oakfield Primary library', attendance: {},
  checkIn: 'Everyone tired after SATs.', sharedLearning: 'Small steps beat big launches.', roundMinutes: 20, stage: 'closed',
};
const round = (fields: Partial<MeetingRound>): MeetingRound => ({
  ...base, id: 'r1', owner: 'user-fac', meetingId: 'meet-1', setId: 'set-a', presenterId: 'user-tom', position: 0,
  update: 'Attendance up in Year 4.', questions: 'What would the parents say?', suggestions: '', memberNotes: '', ...fields,
});

describe('search documents', () => {
  it('an own entry: body, template responses and tags, linking to the entry', () => {
    const document = entryDocument(entry({ template: 'what-so-what', responses: { what: 'Observed a phonics lesson', soWhat: 'Pace was the issue' } }), context);
    expect(document).toMatchObject({ id: 'logEntries:e1', kind: 'entry', href: '/journal/e1', at: '2026-05-14T09:00:00.000Z' });
    expect(document?.title).toBe('Learning walk in KS1 phonics.');
    // The title is not repeated in the text; the rest of the writing and the tags are there.
    expect(document?.text).toBe('Observed a phonics lesson\nPace was the issue\n#phonics');
  });

  it('cuts a long title at a word, so no half word is searchable, and keeps the rest as text', () => {
    const document = entryDocument(entry({ body: `${'Supercalifragilistic '.repeat(4)}governors visit` }), context);
    expect(document?.title).toBe('Supercalifragilistic Supercalifragilistic Supercalifragilistic …');
    expect(document?.text).toBe('… Supercalifragilistic governors visit\n#phonics');
  });

  it('leaves out deleted records and other people’s entries and trials, shared or not', () => {
    expect(entryDocument(entry({ deletedAt: '2026-05-15T09:00:00.000Z' }), context)).toBeNull();
    expect(entryDocument(entry({ owner: 'user-tom', visibility: 'private' }), context)).toBeNull();
    expect(entryDocument(entry({ owner: 'user-tom', visibility: 'set' }), context)).toBeNull();
    expect(entryDocument(entry({ owner: 'local' }), context)).not.toBeNull();
    const trial = { ...base, id: 't1', what: 'Change teams', why: 'Ownership', withWhom: 'All staff', startDate: '2026-04-01', reviewDate: null, impactJudgement: 'Staff survey', challengeId: null, visibility: 'private', status: 'done', review: { wentWell: 'Buy-in', notEffective: '', problems: '', learning: 'Start small', nextStep: 'continue', nextStepNote: '' } } as StrategyTrial;
    expect(trialDocument(trial, context)).toMatchObject({ kind: 'trial', title: 'Change teams', href: '/trials/t1', at: '2026-04-01' });
    expect(trialDocument(trial, context)?.text).toContain('Start small');
    expect(trialDocument({ ...trial, owner: 'user-tom', visibility: 'set' }, context)).toBeNull();
  });

  it('meetings and rounds of my sets only, with the set’s and the presenter’s names', () => {
    const withMeeting = buildSearchContext({ owner: ME, memberships: [membership(ME, 'Priya Shah', 'set-a'), membership('user-tom', 'Tom Reed', 'set-a')], learningSets: [], meetings: [meeting] });
    expect(meetingDocument(meeting, context)).toMatchObject({ kind: 'meeting', title: 'Set A — primary: meeting of 14 May 2026', href: '/set/meetings/meet-1' });
    expect(meetingDocument({ ...meeting, setId: 'set-b' }, context)).toBeNull();
    expect(roundDocument(round({}), withMeeting)).toMatchObject({ kind: 'round', title: 'Tom Reed’s round at the meeting of 14 May 2026', at: '2026-05-14', href: '/set/meetings/meet-1' });
    expect(roundDocument(round({ presenterId: ME }), withMeeting)?.title).toBe('Your round at the meeting of 14 May 2026');
    expect(roundDocument(round({ setId: 'set-b' }), withMeeting)).toBeNull();
    expect(roundDocument(round({}), { ...withMeeting, meetings: new Map([['meet-1', { ...meeting, deletedAt: '2026-05-20T00:00:00.000Z' }]]) })).toBeNull();
  });

  it('coaching sessions where I am the coach or the participant', () => {
    const session: CoachingSession = { ...base, id: 'c1', owner: 'user-sam', coachId: 'user-sam', participantId: ME, heldOn: '2026-03-02', focus: 'Outcomes of the diagnostic', notes: 'Resilience low', nextSteps: 'Delegate the data drop' };
    expect(coachingDocument(session, context)).toMatchObject({ kind: 'coaching', title: 'Outcomes of the diagnostic', href: '/coaching' });
    expect(coachingDocument(session, context)?.text).toContain('With Sam Lee');
    expect(coachingDocument({ ...session, participantId: 'user-tom' }, context)).toBeNull();
  });
});

describe('highlighting', () => {
  const terms = new Set(['phonics', 'ks1']);
  it('marks whole words as MiniSearch split them, whatever their case', () => {
    const marked = highlightAll('KS1 phonics: Phonics-led.', terms);
    expect(marked.ranges).toEqual([[0, 3], [4, 11], [13, 20]]);
    expect(toSegments(marked)).toEqual([
      { text: 'KS1', match: true }, { text: ' ', match: false }, { text: 'phonics', match: true }, { text: ': ', match: false },
      { text: 'Phonics', match: true }, { text: '-led.', match: false },
    ]);
  });

  it('cuts a snippet around the first match, at spaces, with ellipses', () => {
    const text = `${'Before the match there is a lot of writing. '.repeat(6)}Then phonics came up. ${'And a lot after it too. '.repeat(10)}`;
    const cut = snippet(text, terms, 120, 40);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(122);
    const [start, end] = cut.ranges[0] ?? [0, 0];
    expect(cut.text.slice(start, end)).toBe('phonics');
  });
});
