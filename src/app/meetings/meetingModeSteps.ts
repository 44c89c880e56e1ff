import type { MeetingStage } from '../../domain/sets/meeting';
import type { MeetingRound } from '../../domain/sets/meetingRound';

/** Meeting mode, one step at a time: check-in, each presenter's round, commitments, close. */
export type MeetingModeStep =
  | { readonly kind: 'check_in' }
  | { readonly kind: 'round'; readonly round: MeetingRound; readonly number: number }
  | { readonly kind: 'commitments' }
  | { readonly kind: 'closed' };

export function meetingModeSteps(rounds: readonly MeetingRound[]): MeetingModeStep[] {
  return [
    { kind: 'check_in' },
    ...rounds.map((round, index) => ({ kind: 'round' as const, round, number: index + 1 })),
    { kind: 'commitments' },
    { kind: 'closed' },
  ];
}

/** The meeting's stage while a step is on screen. */
export function stageOfStep(step: MeetingModeStep): MeetingStage {
  return step.kind === 'round' ? 'rounds' : step.kind;
}

/** Where meeting mode opens when this device has not been on the meeting yet: its stage. */
export function firstStepForStage(stage: MeetingStage, steps: readonly MeetingModeStep[]): number {
  const index = steps.findIndex((step) => stageOfStep(step) === stage);
  return index === -1 ? 0 : index;
}
