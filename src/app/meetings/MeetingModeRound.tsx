import type { Meeting } from '../../domain/sets/meeting';
import type { MeetingAction } from '../../domain/sets/meetingAction';
import type { MeetingRound } from '../../domain/sets/meetingRound';
import { useMeetingMode } from './meetingModeStore';
import { RoundActions } from './RoundActions';
import { RoundEditor } from './RoundEditor';
import { setFields } from './roundFields';
import { RoundMinutesField } from './RoundMinutesField';
import { RoundTimer } from './RoundTimer';
import type { SetPeople } from './useSetPeople';

interface MeetingModeRoundProps {
  readonly meeting: Meeting;
  readonly round: MeetingRound;
  readonly number: number;
  readonly count: number;
  readonly people: SetPeople;
  readonly actions: readonly MeetingAction[];
}

/**
 * One presenter's round: the timer, the update and the set's questions; suggestions only once
 * the presenter invites them (action learning's discipline); actions captured as agreed.
 */
export function MeetingModeRound({ meeting, round, number, count, people, actions }: MeetingModeRoundProps) {
  const name = people.nameOf(round.presenterId);
  const invited = useMeetingMode((state) => state.suggestionsInvited[round.id]) ?? round.suggestions !== '';
  const setInvited = useMeetingMode((state) => state.setSuggestionsInvited);
  const fields = setFields(name);

  return (
    <>
      <h2 className="meeting-mode__presenter">{name}</h2>
      <p className="muted">
        Presenter {number} of {count}
      </p>
      <div className="meeting-mode__timer">
        <RoundTimer roundId={round.id} minutes={meeting.roundMinutes} />
        <details className="meeting-mode__minutes">
          <summary>Change the time ({meeting.roundMinutes} minutes)</summary>
          <RoundMinutesField meeting={meeting} />
        </details>
      </div>
      <p className="meeting-mode__reminder">Questions first — suggestions only when the presenter invites them</p>
      <RoundEditor key={`${round.id}-talk`} round={round} fields={[fields.update, fields.questions]} large />
      <button type="button" className="toggle-button" aria-pressed={invited} onClick={() => setInvited(round.id, !invited)}>
        Presenter invites suggestions
      </button>
      {invited ? <RoundEditor key={`${round.id}-suggestions`} round={round} fields={[fields.suggestions]} /> : null}
      <RoundActions meeting={meeting} round={round} actions={actions} people={people} />
    </>
  );
}
