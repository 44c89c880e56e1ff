import { Fragment } from 'react';
import type { Meeting } from '../../domain/sets/meeting';
import type { MeetingAction } from '../../domain/sets/meetingAction';
import type { MeetingRound } from '../../domain/sets/meetingRound';
import { CommentThread } from './CommentThread';
import { RoundActions } from './RoundActions';
import { RoundEditor } from './RoundEditor';
import { MY_ROUND_FIELDS, setFields, type RoundFieldSpec } from './roundFields';
import type { SetPeople } from './useSetPeople';

interface RoundNotesProps {
  readonly meeting: Meeting;
  readonly round: MeetingRound;
  readonly actions: readonly MeetingAction[];
  readonly people: SetPeople;
}

/**
 * One member's round. The facilitator writes the update, questions and suggestions; the
 * presenter writes their update, the questions and what they would add; others read it.
 */
export function RoundNotes({ meeting, round, actions, people }: RoundNotesProps) {
  const mine = round.presenterId === people.me;
  const name = people.nameOf(round.presenterId);
  const headingId = `round-${round.id}-heading`;
  let editable: RoundFieldSpec[] = [];
  let readable: RoundFieldSpec[];
  if (people.isFacilitator) {
    const f = setFields(name);
    editable = [f.update, f.questions, f.suggestions];
    readable = [f.memberNotes].filter(({ name: field }) => round[field] !== '');
  } else if (mine) {
    const f = MY_ROUND_FIELDS;
    editable = [f.update, f.questions, f.memberNotes];
    readable = [f.suggestions].filter(({ name: field }) => round[field] !== '');
  } else {
    const f = setFields(name);
    readable = [f.update, f.questions, f.suggestions, f.memberNotes];
  }

  return (
    <section className={mine ? 'round round--mine' : 'round'} aria-labelledby={headingId}>
      <h4 id={headingId}>{mine ? `${name} (your round)` : name}</h4>
      {editable.length > 0 ? <RoundEditor key={round.id} round={round} fields={editable} /> : null}
      {readable.length > 0 ? <RoundText round={round} fields={readable} /> : null}
      <RoundActions meeting={meeting} round={round} actions={actions} people={people} />
      <CommentThread targetTable="meetingRounds" targetId={round.id} />
    </section>
  );
}

function RoundText({ round, fields }: { round: MeetingRound; fields: readonly RoundFieldSpec[] }) {
  return (
    <dl className="facts">
      {fields.map(({ name, label }) => (
        <Fragment key={name}>
          <dt>{label}</dt>
          <dd>{round[name] || <span className="muted">Not written</span>}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
