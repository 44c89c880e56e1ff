import { useFormContext, useWatch } from 'react-hook-form';
import { describedBy, Field } from '../ui/Field';
import { FOCUS_SUGGESTIONS, type SessionFormValues, type SessionProblems } from './coachingText';

interface SessionFieldsProps {
  readonly idPrefix: string;
  readonly problems: SessionProblems;
  /** The coach sets the date and focus; the participant adds to the notes and next steps. */
  readonly canEditDateAndFocus: boolean;
}

const FOCUS_HINT = 'What the session was about — tap a suggestion or write your own.';
const NOTES_HINT = 'What you talked about, what came up, what you noticed.';
const NEXT_STEPS_HINT = 'What each of you will do before the next session.';

/** Date, focus (with suggestions), notes and agreed next steps of one coaching session. */
export function SessionFields({ idPrefix, problems, canEditDateAndFocus }: SessionFieldsProps) {
  const { register, setValue, control } = useFormContext<SessionFormValues>();
  const focus = useWatch({ control, name: 'focus' }) ?? '';
  const id = (name: keyof SessionFormValues) => `${idPrefix}-${name}`;
  return (
    <>
      {canEditDateAndFocus ? (
        <>
          <Field id={id('heldOn')} label="Date of the session" error={problems.heldOn}>
            <input
              id={id('heldOn')}
              type="date"
              aria-invalid={problems.heldOn ? true : undefined}
              aria-describedby={describedBy(id('heldOn'), undefined, problems.heldOn)}
              {...register('heldOn')}
            />
          </Field>
          <Field id={id('focus')} label="Focus" hint={FOCUS_HINT} error={problems.focus}>
            <input
              id={id('focus')}
              aria-invalid={problems.focus ? true : undefined}
              aria-describedby={describedBy(id('focus'), FOCUS_HINT, problems.focus)}
              {...register('focus')}
            />
          </Field>
          <div className="chips" role="group" aria-label="Focus suggestions">
            {FOCUS_SUGGESTIONS.map((suggestion) => (
              <button
                key={suggestion}
                type="button"
                className="chip"
                aria-pressed={focus.trim() === suggestion}
                onClick={() => setValue('focus', suggestion, { shouldDirty: true })}
              >
                {suggestion}
              </button>
            ))}
          </div>
        </>
      ) : null}
      <Field id={id('notes')} label="Notes" hint={NOTES_HINT} error={problems.notes}>
        <textarea
          id={id('notes')}
          aria-invalid={problems.notes ? true : undefined}
          aria-describedby={describedBy(id('notes'), NOTES_HINT, problems.notes)}
          {...register('notes')}
        />
      </Field>
      <Field id={id('nextSteps')} label="Agreed next steps" hint={NEXT_STEPS_HINT} error={problems.nextSteps}>
        <textarea
          id={id('nextSteps')}
          aria-invalid={problems.nextSteps ? true : undefined}
          aria-describedby={describedBy(id('nextSteps'), NEXT_STEPS_HINT, problems.nextSteps)}
          {...register('nextSteps')}
        />
      </Field>
    </>
  );
}
