import type { MeetingRoundContent } from '../../domain/sets/meetingRound';

export type RoundTextField = keyof Pick<MeetingRoundContent, 'update' | 'questions' | 'suggestions' | 'memberNotes'>;

export interface RoundFieldSpec {
  readonly name: RoundTextField;
  readonly label: string;
  readonly hint?: string;
}

/** The round as the facilitator notes it (and as other members read it). */
export function setFields(presenterName: string): Record<RoundTextField, RoundFieldSpec> {
  return {
    update: { name: 'update', label: 'Update since last meeting', hint: 'What they tried, what happened, where they are stuck.' },
    questions: { name: 'questions', label: 'The set’s questions', hint: 'The questions the set asked — questions first.' },
    suggestions: { name: 'suggestions', label: 'Suggestions', hint: 'Only when the presenter invited them.' },
    memberNotes: { name: 'memberNotes', label: `What ${presenterName} adds` },
  };
}

/** The presenter's own round, in their words. */
export const MY_ROUND_FIELDS: Record<RoundTextField, RoundFieldSpec> = {
  update: { name: 'update', label: 'My update', hint: 'What you tried since the last meeting and what happened.' },
  questions: { name: 'questions', label: 'Questions the set asked me' },
  suggestions: { name: 'suggestions', label: 'Suggestions from the set' },
  memberNotes: { name: 'memberNotes', label: 'What I’d add', hint: 'Thoughts after the meeting, in your own words.' },
};
