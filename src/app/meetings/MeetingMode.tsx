import { Link } from 'wouter';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { MeetingModeCheckIn } from './MeetingModeCheckIn';
import { MeetingModeCommitments } from './MeetingModeCommitments';
import { MeetingModeRound } from './MeetingModeRound';
import { useMeetingMode } from './meetingModeStore';
import { firstStepForStage, meetingModeSteps, stageOfStep, type MeetingModeStep } from './meetingModeSteps';
import { meetingTitle } from './meetingText';
import { useSetPeople, type SetPeople } from './useSetPeople';

function stepLabel(step: MeetingModeStep, people: SetPeople): string {
  switch (step.kind) {
    case 'check_in':
      return 'Check-in';
    case 'round':
      return people.nameOf(step.round.presenterId);
    case 'commitments':
      return 'Commitments';
    case 'closed':
      return 'Close';
  }
}

/** The facilitator's full-screen meeting: one step at a time, a timer per presenter, actions inline. */
export function MeetingMode({ meetingId }: { readonly meetingId: string }) {
  const repositories = useRepositories();
  const data = useLive(
    async (r) => {
      const meeting = await r.meetings.getMeeting(meetingId);
      if (!meeting) return null;
      return { meeting, rounds: await r.meetings.listRounds(meetingId), actions: await r.meetings.listActions(meetingId) };
    },
    [meetingId],
  );
  const people = useSetPeople(data?.meeting.setId);
  const savedStep = useMeetingMode((state) => state.steps[meetingId]);
  const setStep = useMeetingMode((state) => state.setStep);
  if (data === undefined || (data && !people)) return null;
  if (data === null || !people || !people.isFacilitator) {
    return (
      <section className="card" aria-labelledby="meeting-mode-title">
        <h1 id="meeting-mode-title">Meeting mode</h1>
        <p>{data === null ? 'This meeting is not on this device any more.' : 'Meeting mode is for the set’s facilitator.'}</p>
        <Link href={data === null ? '/' : `/meetings/${meetingId}`} className="button">
          Back to the notes
        </Link>
      </section>
    );
  }

  const { meeting, rounds, actions } = data;
  const steps = meetingModeSteps(rounds);
  const index = Math.min(Math.max(savedStep ?? firstStepForStage(meeting.stage, steps), 0), steps.length - 1);
  const step = steps[index] ?? { kind: 'check_in' };
  const label = (at: number) => {
    const target = steps[at];
    return target ? stepLabel(target, people) : '';
  };

  function go(to: number) {
    const target = steps[to];
    if (!target) return;
    setStep(meetingId, to);
    const stage = stageOfStep(target);
    if (stage !== meeting.stage) void repositories.meetings.updateMeeting(meetingId, { stage });
  }

  return (
    <section className="meeting-mode" aria-labelledby="meeting-mode-title">
      <header className="meeting-mode__bar">
        <h1 id="meeting-mode-title">
          Meeting mode <span className="meeting-mode__when">{meetingTitle(meeting)}</span>
        </h1>
        <Link href={`/meetings/${meetingId}`} className="button">
          Leave meeting mode
        </Link>
      </header>
      <nav aria-label="Steps">
        <ol className="meeting-mode__steps">
          {steps.map((s, at) => (
            <li key={s.kind === 'round' ? s.round.id : s.kind}>
              <button type="button" className="chip" aria-current={at === index ? 'step' : undefined} onClick={() => go(at)}>
                {label(at)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <div className="meeting-mode__body">
        {step.kind === 'check_in' ? <MeetingModeCheckIn meeting={meeting} people={people} /> : null}
        {step.kind === 'round' ? (
          <MeetingModeRound
            key={step.round.id}
            meeting={meeting}
            round={step.round}
            number={step.number}
            count={rounds.length}
            people={people}
            actions={actions.filter((action) => action.roundId === step.round.id)}
          />
        ) : null}
        {step.kind === 'commitments' ? <MeetingModeCommitments meeting={meeting} actions={actions} people={people} /> : null}
        {step.kind === 'closed' ? (
          <div className="meeting-mode__closed">
            <h2>Meeting closed</h2>
            <p>Thank you. The notes are saved on this device and reach the set the next time it is online.</p>
            <Link href={`/meetings/${meetingId}`} className="button button--primary">
              Back to the notes
            </Link>
          </div>
        ) : null}
      </div>

      <footer className="meeting-mode__footer">
        {index > 0 ? (
          <button type="button" className="button" onClick={() => go(index - 1)}>
            {step.kind === 'round' && index > 1 ? '← Previous presenter' : `← ${label(index - 1)}`}
          </button>
        ) : (
          <span />
        )}
        {step.kind === 'closed' ? null : (
          <button type="button" className="button button--primary" onClick={() => go(index + 1)}>
            {nextLabel(step, steps[index + 1])}
          </button>
        )}
      </footer>
    </section>
  );
}

function nextLabel(step: MeetingModeStep, next: MeetingModeStep | undefined): string {
  if (step.kind === 'commitments') return 'Close the meeting';
  if (next?.kind === 'round') return step.kind === 'check_in' ? 'Start the rounds →' : 'Next presenter →';
  return 'Commitments →';
}
