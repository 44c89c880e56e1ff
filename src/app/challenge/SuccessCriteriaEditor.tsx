import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { describedBy, Field } from '../ui/Field';
import { FieldGroup } from '../ui/FieldGroup';
import type { ChallengeFormOutput, ChallengeFormValues } from './challengeFormSchema';

interface SuccessCriteriaEditorProps {
  readonly control: Control<ChallengeFormValues, unknown, ChallengeFormOutput>;
  readonly register: UseFormRegister<ChallengeFormValues>;
  readonly errors: FieldErrors<ChallengeFormValues>;
}

/** "How will we know it worked?" — one criterion per line, lines added and removed freely. */
export function SuccessCriteriaEditor({ control, register, errors }: SuccessCriteriaEditorProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'successCriteria' });
  const listError = errors.successCriteria?.message ?? errors.successCriteria?.root?.message;
  return (
    <FieldGroup
      id="challenge-criteria"
      legend="Success criteria"
      hint='How will you know it worked? One on each line, e.g. "80% of phonics lessons observed are good".'
      error={listError}
    >
      <ol className="line-list">
        {fields.map((field, index) => {
          const id = `challenge-criterion-${index}`;
          const error = errors.successCriteria?.[index]?.text?.message;
          return (
            <li key={field.id}>
              <Field id={id} label={`Success criterion ${index + 1}`} error={error}>
                <div className="input-with-action">
                  <input
                    id={id}
                    type="text"
                    autoComplete="off"
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy(id, undefined, error)}
                    {...register(`successCriteria.${index}.text`)}
                  />
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Remove success criterion ${index + 1}`}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </div>
              </Field>
            </li>
          );
        })}
      </ol>
      {fields.length < 20 ? (
        <button type="button" className="button" onClick={() => append({ text: '' })}>
          Add a success criterion
        </button>
      ) : null}
    </FieldGroup>
  );
}
