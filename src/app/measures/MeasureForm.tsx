import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import type { LeadershipChallenge } from '../../domain/challenge';
import type { ImpactMeasure } from '../../domain/impactMeasure';
import { MEASURE_UNIT_LABELS, MEASURE_UNITS } from '../../domain/programme';
import type { StrategyTrial } from '../../domain/strategyTrial';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { measureFormSchema, type MeasureFormOutput, type MeasureFormValues } from './measureFormSchema';
import { FormError } from '../ui/FormError';

interface MeasureFormProps {
  readonly measure: ImpactMeasure | null;
  readonly challenge: LeadershipChallenge | null;
  readonly trials: StrategyTrial[];
  readonly defaultValues: MeasureFormValues;
}

type FieldName = keyof MeasureFormValues;

const HINTS: Partial<Record<FieldName, string>> = {
  name: 'e.g. "Pupils passing the KS1 phonics check"',
  unitLabel: 'e.g. "sessions" or "home visits"',
  baselineValue: 'Where you are starting from, e.g. 27%',
  target: 'Where you hope to get to, e.g. 70%. You can leave this empty.',
};

const IDS: Record<FieldName, string> = {
  name: 'measure-name',
  unit: 'measure-unit',
  unitLabel: 'measure-unit-label',
  baselineValue: 'measure-baseline',
  baselineDate: 'measure-baseline-date',
  target: 'measure-target',
  link: 'measure-link',
};

/** A measure: what is counted, in what unit, from what baseline, towards what target. */
export function MeasureForm({ measure, challenge, trials, defaultValues }: MeasureFormProps) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MeasureFormValues, unknown, MeasureFormOutput>({ resolver: zodResolver(measureFormSchema), defaultValues });
  const unit = useWatch({ control, name: 'unit' });

  async function onSubmit(definition: MeasureFormOutput) {
    try {
      const saved = measure
        ? await repositories.measures.update(measure.id, { ...definition, visibility: measure.visibility })
        : await repositories.measures.create(definition);
      navigate(`/${saved.id}`);
    } catch (caught) {
      setError('root', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const field = (name: FieldName) => {
    const error = errors[name]?.message;
    return {
      id: IDS[name],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(IDS[name], HINTS[name], error),
      ...register(name),
    };
  };
  const error = (name: FieldName) => errors[name]?.message;

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate aria-label={measure ? 'Edit the measure' : 'Add a measure'}>
      <Field id={IDS.name} label="What are you measuring?" hint={HINTS.name} error={error('name')}>
        <input type="text" autoComplete="off" {...field('name')} />
      </Field>
      <Field id={IDS.unit} label="Unit" error={error('unit')}>
        <select {...field('unit')}>
          {MEASURE_UNITS.map((option) => (
            <option key={option} value={option}>
              {MEASURE_UNIT_LABELS[option]}
            </option>
          ))}
        </select>
      </Field>
      {unit === 'free' ? (
        <Field id={IDS.unitLabel} label="What is the unit?" hint={HINTS.unitLabel} error={error('unitLabel')}>
          <input type="text" autoComplete="off" {...field('unitLabel')} />
        </Field>
      ) : null}
      <Field id={IDS.baselineValue} label="Baseline" hint={HINTS.baselineValue} error={error('baselineValue')}>
        <input type="text" inputMode="decimal" autoComplete="off" {...field('baselineValue')} />
      </Field>
      <Field id={IDS.baselineDate} label="Date of the baseline" error={error('baselineDate')}>
        <input type="date" {...field('baselineDate')} />
      </Field>
      <Field id={IDS.target} label="Target (optional)" hint={HINTS.target} error={error('target')}>
        <input type="text" inputMode="decimal" autoComplete="off" {...field('target')} />
      </Field>
      <Field id={IDS.link} label="What is it evidence for?" error={error('link')}>
        <select {...field('link')}>
          {challenge ? <option value={`challenge:${challenge.id}`}>My challenge: {challenge.focus}</option> : null}
          {trials.map((trial) => (
            <option key={trial.id} value={`trial:${trial.id}`}>
              Trial: {trial.what}
            </option>
          ))}
          <option value="">Not linked</option>
        </select>
      </Field>
      <FormError message={errors.root?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {measure ? 'Save the measure' : 'Save this measure'}
        </button>
        <Link href={measure ? `/${measure.id}` : '/'} className="button button--quiet">
          Cancel
        </Link>
      </div>
    </form>
  );
}
