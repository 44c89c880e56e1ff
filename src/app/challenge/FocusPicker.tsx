import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { CHALLENGE_FOCI } from '../../domain/programme';
import { describedBy, Field } from '../ui/Field';
import { FieldGroup } from '../ui/FieldGroup';
import { OTHER_FOCUS, type ChallengeFormValues } from './challengeFormSchema';

interface FocusPickerProps {
  readonly register: UseFormRegister<ChallengeFormValues>;
  readonly errors: FieldErrors<ChallengeFormValues>;
  readonly focusChoice: string | undefined;
}

/** One of the programme's foci as radio chips, or "Something else" in the person's words. */
const OTHER_HINT = 'e.g. "Raising attendance in Year 4"';

export function FocusPicker({ register, errors, focusChoice }: FocusPickerProps) {
  const choiceError = errors.focusChoice?.message;
  const otherError = errors.focusOther?.message;
  return (
    <>
      <FieldGroup id="challenge-focus" legend="Focus" hint="What kind of challenge is it? Choose the nearest, or write your own." error={choiceError}>
        <div className="chips">
          {CHALLENGE_FOCI.map((focus) => (
            <label key={focus} className="chip-choice">
              <input type="radio" value={focus} {...register('focusChoice')} />
              {focus}
            </label>
          ))}
          <label className="chip-choice">
            <input type="radio" value={OTHER_FOCUS} {...register('focusChoice')} />
            Something else
          </label>
        </div>
      </FieldGroup>
      {focusChoice === OTHER_FOCUS ? (
        <Field id="challenge-focus-other" label="Your own focus" hint={OTHER_HINT} error={otherError}>
          <input
            id="challenge-focus-other"
            type="text"
            autoComplete="off"
            aria-invalid={otherError ? true : undefined}
            aria-describedby={describedBy('challenge-focus-other', OTHER_HINT, otherError)}
            {...register('focusOther')}
          />
        </Field>
      ) : null}
    </>
  );
}
