// The journal as Markdown, for reading anywhere: the challenge and trials first, then entries
// under their month, each with its date and time, writing, template answers and tags.
import { describe, expect, it } from 'vitest';
import { journalFileName, journalMarkdown, markdownText, monthHeading } from '../../../src/app/journal/journalMarkdown';
import type { LeadershipChallenge } from '../../../src/domain/challenge';
import type { LogEntry } from '../../../src/domain/logEntry';
import type { StrategyTrial } from '../../../src/domain/strategyTrial';

/** A moment in local time, as the journal shows times. */
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();
const base = { owner: 'priya', updatedAt: '2026-06-01T00:00:00.000Z', deletedAt: null, clocks: {} };

function entry(id: string, occurredAt: string, fields: Partial<LogEntry> = {}): LogEntry {
  return {
    ...base, id, createdAt: occurredAt, occurredAt, body: '', template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: 'private',
    ...fields,
  };
}

const challenge: LeadershipChallenge = {
  ...base, id: 'c1', createdAt: '2026-04-01T09:00:00.000Z', focus: 'Improving the quality of teaching', issue: 'Phonics in KS1 is weak.\nMost of all in Year 2.',
  desiredOutcomes: 'Good phonics teaching in every class.', baseline: '', successCriteria: ['70% pass the phonics check', 'No lesson judged inadequate'], themes: ['attainment', 'evidence'], visibility: 'private',
};

const trial: StrategyTrial = {
  ...base, id: 't1', createdAt: '2026-04-02T09:00:00.000Z', what: 'Daily phonics observations', why: 'To see what happens in lessons.', withWhom: 'KS1 team', startDate: '2026-05-01', reviewDate: '2026-06-12',
  impactJudgement: '', challengeId: 'c1', visibility: 'private', status: 'reviewing',
  review: { wentWell: 'Teachers asked for feedback.', notEffective: '', problems: '', learning: 'Ask before advising.', nextStep: 'refine', nextStepNote: 'Fewer, longer visits' },
};

describe('the journal as Markdown', () => {
  const entries = [
    entry('e1', local(2026, 5, 14, 9, 30), { body: 'Phonics groups started.\n\n- Year 1\n- Year 2', tags: ['phonics', 'KS1'] }),
    entry('e2', local(2026, 6, 2, 16, 5), {
      template: 'what-so-what', body: '', responses: { nowWhat: 'Talk to the SENCO.', what: 'A parent complained.', soWhat: '' },
    }),
    entry('e3', local(2026, 5, 20, 8, 0), { body: '# Not a heading\n---\nAfter a rule' }),
  ];

  it('puts the challenge and trials first, then months and entries, newest first', () => {
    const text = journalMarkdown({ entries, challenge, trials: [trial], name: 'Priya Shah', now: new Date(2026, 10, 23, 10, 0) });
    expect(text).toBe(
      [
        '# Leadership journal — Priya Shah',
        'Exported from Setwise on 23 November 2026: 3 entries, newest first.',
        '## My leadership challenge',
        '**Focus:** Improving the quality of teaching',
        '**The issue or concern**',
        'Phonics in KS1 is weak.\nMost of all in Year 2.',
        '**Desired outcomes**',
        'Good phonics teaching in every class.',
        '**Success criteria**',
        '- 70% pass the phonics check\n- No lesson judged inadequate',
        '**Themes:** Raising attainment, Constructive use of evidence',
        '## My strategy trials',
        '### Daily phonics observations',
        '*Reviewing · Starts 1 May 2026 · review by 12 June 2026*',
        '**Why**',
        'To see what happens in lessons.',
        '**With whom:** KS1 team',
        '**What went well**',
        'Teachers asked for feedback.',
        '**What I learned**',
        'Ask before advising.',
        '**Next step:** Refine — Fewer, longer visits',
        '## June 2026',
        '### 2 June 2026, 16:05',
        '*What? So what? Now what?*',
        '**What?**',
        'A parent complained.',
        '**Now what?**',
        'Talk to the SENCO.',
        '## May 2026',
        '### 20 May 2026, 08:00',
        '\\# Not a heading\n\\---\nAfter a rule',
        '### 14 May 2026, 09:30',
        'Phonics groups started.\n\n- Year 1\n- Year 2',
        'Tags: phonics, KS1',
      ].join('\n\n') + '\n',
    );
  });

  it('can run oldest first, and says so when there is nothing yet', () => {
    const text = journalMarkdown({ entries, order: 'oldest', now: new Date(2026, 10, 23) });
    expect(text.startsWith('# Leadership journal\n\nExported from Setwise on 23 November 2026: 3 entries, oldest first.')).toBe(true);
    expect([...text.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual(['14 May 2026, 09:30', '20 May 2026, 08:00', '2 June 2026, 16:05']);
    expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['May 2026', 'June 2026']);
    expect(text).not.toContain('## My leadership challenge');
    expect(journalMarkdown({ entries: [], now: new Date(2026, 10, 23) })).toContain('0 entries, newest first.\n\nNo journal entries yet.\n');
  });

  it('keeps answers to prompts the entry’s template no longer asks, under their own labels', () => {
    const text = journalMarkdown({ entries: [entry('e4', local(2026, 7, 1, 9, 0), { template: 'gibbs', responses: { feelings: 'Nervous', what: 'An old answer' } })], now: new Date(2026, 10, 23) });
    expect(text).toContain("*Gibbs' reflective cycle*\n\n**Feelings**\n\nNervous\n\n**What?**\n\nAn old answer");
  });

  it('escapes only lines that would change the document’s structure', () => {
    expect(markdownText('  ## two\n===\n***\n- a list\n*emphasis*\nplain')).toBe('  \\## two\n\\===\n\\***\n- a list\n*emphasis*\nplain');
    expect(monthHeading(local(2026, 12, 31, 23, 59))).toBe('December 2026');
    expect(journalFileName('setwise-priya-shah-2026-11-23.json')).toBe('setwise-journal-priya-shah-2026-11-23.md');
  });
});
