import { useState } from 'react';
import type { Meeting } from '../../domain/sets/meeting';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';

const HINT = 'Each presenter’s time, from 1 to 120 minutes.';

/** How long each presenter gets; the timers follow it at once, even while running. */
export function RoundMinutesField({ meeting }: { readonly meeting: Meeting }) {
  const repositories = useRepositories();
  const [text, setText] = useState(String(meeting.roundMinutes));
  const minutes = Number(text);
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= 120;
  const id = `${meeting.id}-round-minutes`;
  const error = text !== '' && !valid ? 'Enter a whole number of minutes from 1 to 120.' : undefined;

  function change(value: string) {
    setText(value);
    const next = Number(value);
    if (value !== '' && Number.isInteger(next) && next >= 1 && next <= 120) {
      void repositories.meetings.updateMeeting(meeting.id, { roundMinutes: next });
    }
  }

  return (
    <Field id={id} label="Minutes for each presenter" hint={HINT} error={error}>
      <input
        id={id}
        className="round-minutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={120}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, HINT, error)}
        onChange={(event) => change(event.target.value)}
      />
    </Field>
  );
}
