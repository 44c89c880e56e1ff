import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { getReflectionTemplate } from '../../domain/reflectionTemplates';
import { useLive } from '../db/useLiveRecords';
import { PupilDataFormHint } from '../privacy/PupilDataFormHint';
import { describedBy, Field } from '../ui/Field';
import type { EntryFormValues } from './entryForm';
import { TemplateChips } from './TemplateChips';

interface EntryFieldsProps {
  readonly idPrefix: string;
  readonly errors: Partial<Record<'body' | 'occurredAtLocal', string>>;
  readonly autoFocus?: boolean;
}

/** The fields of a log entry, shared by quick capture and the entry editor. */
export function EntryFields({ idPrefix, errors, autoFocus = false }: EntryFieldsProps) {
  const { register, control } = useFormContext<EntryFormValues>();
  const template = getReflectionTemplate(useWatch({ control, name: 'template' }));
  const challenge = useLive((repositories) => repositories.challenge.current());
  const trials = useLive((repositories) => repositories.trials.list());
  const measures = useLive((repositories) => repositories.measures.list());
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <>
      <Controller
        control={control}
        name="template"
        render={({ field }) => <TemplateChips value={field.value} onChange={field.onChange} />}
      />
      <Field id={id('body')} label="What happened?" error={errors.body} hint={template.prompts.length ? 'Free notes; the prompts follow.' : undefined}>
        <textarea
          id={id('body')}
          className="textarea--large"
          autoFocus={autoFocus}
          placeholder="Three lines after the classroom, a thought in the car…"
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={describedBy(id('body'), template.prompts.length ? 'hint' : undefined, errors.body)}
          {...register('body')}
        />
        <PupilDataFormHint<EntryFormValues> name="body" label="What happened?" />
      </Field>
      {template.prompts.map((prompt) => (
        <Field key={prompt.id} id={id(`prompt-${prompt.id}`)} label={prompt.label} hint={prompt.hint || undefined}>
          <textarea
            id={id(`prompt-${prompt.id}`)}
            aria-describedby={describedBy(id(`prompt-${prompt.id}`), prompt.hint || undefined)}
            {...register(`responses.${prompt.id}`)}
          />
          <PupilDataFormHint<EntryFormValues> name={`responses.${prompt.id}`} label={prompt.label} />
        </Field>
      ))}
      <details className="entry-details">
        <summary>Date, tags and links</summary>
        <Field id={id('when')} label="When" hint="Leave empty for now." error={errors.occurredAtLocal}>
          <input
            id={id('when')}
            type="datetime-local"
            aria-invalid={errors.occurredAtLocal ? true : undefined}
            aria-describedby={describedBy(id('when'), 'hint', errors.occurredAtLocal)}
            {...register('occurredAtLocal')}
          />
        </Field>
        {errors.occurredAtLocal?.includes('Is that right?') ? (
          <label className="choice">
            <input type="checkbox" {...register('confirmFutureDate')} /> Yes, the date is right
          </label>
        ) : null}
        <Field id={id('tags')} label="Tags" hint="Separate with commas, e.g. phonics, KS1, learning walk.">
          <input id={id('tags')} type="text" aria-describedby={describedBy(id('tags'), 'hint')} {...register('tagsText')} />
        </Field>
        {challenge ? (
          <Controller
            control={control}
            name="challengeId"
            render={({ field }) => (
              <label className="choice">
                <input
                  type="checkbox"
                  checked={field.value === challenge.id}
                  onChange={(event) => field.onChange(event.target.checked ? challenge.id : null)}
                />
                About my challenge: {challenge.focus}
              </label>
            )}
          />
        ) : null}
        {trials && trials.length > 0 ? (
          <Field id={id('trial')} label="Strategy trial">
            <select id={id('trial')} {...register('trialId', { setValueAs: (v: string) => v || null })}>
              <option value="">None</option>
              {trials.map((trial) => (
                <option key={trial.id} value={trial.id}>
                  {trial.what}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {measures && measures.length > 0 ? (
          <Field id={id('measure')} label="Impact measure">
            <select id={id('measure')} {...register('measureId', { setValueAs: (v: string) => v || null })}>
              <option value="">None</option>
              {measures.map((measure) => (
                <option key={measure.id} value={measure.id}>
                  {measure.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </details>
    </>
  );
}
