import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { toIsoDate } from '../../domain/dates';
import { useLive } from '../db/useLiveRecords';
import { PageHeader } from '../ui/PageHeader';
import { MeasureForm } from './MeasureForm';
import { measureFormValues } from './measureFormSchema';

/**
 * Loads what the measure form needs. A new measure is linked to the challenge by default,
 * or to the trial it was started from (`/new?trial=<id>`).
 */
export function MeasureFormPage({ id }: { readonly id?: string }) {
  const search = useSearch();
  const [today] = useState(() => toIsoDate(new Date()));
  const data = useLive(
    async (repositories) => ({
      challenge: (await repositories.challenge.current()) ?? null,
      trials: await repositories.trials.list(),
      measure: id ? ((await repositories.measures.get(id)) ?? null) : null,
    }),
    [id],
  );
  if (data === undefined) return null;

  if (id && !data.measure) {
    return (
      <>
        <PageHeader title="Edit the measure" />
        <p>This measure is not on this device any more — it may have been deleted.</p>
        <Link href="/">All measures</Link>
      </>
    );
  }

  const fromTrial = new URLSearchParams(search).get('trial');
  const defaultLink =
    fromTrial && data.trials.some((trial) => trial.id === fromTrial)
      ? `trial:${fromTrial}`
      : data.challenge
        ? `challenge:${data.challenge.id}`
        : '';
  return (
    <>
      <PageHeader title={data.measure ? 'Edit the measure' : 'Add a measure'} />
      {data.measure ? null : (
        <p className="muted">A measure shows the impact in numbers: where you start, where you aim, and readings along the way.</p>
      )}
      <MeasureForm
        key={id ?? 'new'}
        measure={data.measure}
        challenge={data.challenge}
        trials={data.trials}
        defaultValues={measureFormValues(data.measure, { link: defaultLink, today })}
      />
    </>
  );
}
