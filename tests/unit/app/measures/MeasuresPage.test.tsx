import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MeasuresPage } from '../../../../src/app/measures/MeasuresPage';
import { useToastStore } from '../../../../src/app/ui/toastStore';
import { formatUkDate } from '../../../../src/domain/dates';
import { freshRepositories, isoDaysFromToday, renderPage } from '../support/renderPage';

const PHONICS = 'Pupils passing the KS1 phonics check';

function renderMeasures(path = '/measures', repositories = freshRepositories()) {
  return renderPage('/measures', <MeasuresPage />, path, repositories);
}

async function seedPhonicsMeasure() {
  const repositories = freshRepositories();
  const measure = await repositories.measures.create({
    name: PHONICS,
    unit: 'percent',
    baselineValue: 27,
    baselineDate: '2026-01-12',
    target: 70,
  });
  return { repositories, measure };
}

describe('Measures', () => {
  beforeEach(() => {
    useToastStore.setState({ toast: null });
  });

  it('explains what a measure is when there are none', async () => {
    renderMeasures();
    expect(await screen.findByText(/A measure shows your impact in numbers/)).toBeInTheDocument();
  });

  it('adds a % measure (baseline 27, target 70), then a reading of 79: the list shows 27% → 79%', async () => {
    const repositories = freshRepositories();
    const challenge = await repositories.challenge.save({ focus: 'Improving the quality of teaching', issue: 'Phonics in KS1.' });
    const { user } = renderMeasures('/measures/new', repositories);

    await user.type(await screen.findByLabelText('What are you measuring?'), PHONICS);
    expect(screen.getByLabelText('Unit')).toHaveValue('percent');
    await user.type(screen.getByLabelText('Baseline'), '27');
    await user.type(screen.getByLabelText('Target (optional)'), '70%');
    expect(screen.getByLabelText('What is it evidence for?')).toHaveValue(`challenge:${challenge.id}`);
    await user.click(screen.getByRole('button', { name: 'Save this measure' }));

    const detail = await screen.findByRole('region', { name: PHONICS });
    expect(within(detail).getByText('27% → no readings yet (target 70%)')).toBeInTheDocument();
    expect(within(detail).getByText('Only you can see this')).toBeInTheDocument();
    expect(within(detail).getByLabelText('Date')).toHaveValue(isoDaysFromToday(0));

    await user.type(within(detail).getByLabelText('Reading'), '79');
    await user.type(within(detail).getByLabelText('Note (optional)'), 'Summer phonics check');
    await user.click(within(detail).getByRole('button', { name: 'Add the reading' }));

    const table = await within(detail).findByRole('table');
    expect(within(table).getByRole('row', { name: /79%.*Summer phonics check/ })).toBeInTheDocument();
    const listed = screen.getByRole('list', { name: 'All measures' });
    expect(within(listed).getByRole('link', { name: new RegExp(PHONICS) })).toHaveTextContent('27% → 79% (target 70%)');
    expect(within(detail).getByLabelText('Reading')).toHaveValue('');
  });

  it('refuses a reading of 120% inline and keeps "120" in the box', async () => {
    const { repositories, measure } = await seedPhonicsMeasure();
    const { user } = renderMeasures(`/measures/${measure.id}`, repositories);

    const reading = await screen.findByLabelText('Reading');
    await user.type(reading, '120');
    await user.click(screen.getByRole('button', { name: 'Add the reading' }));

    expect(await screen.findByText('A percentage must be between 0 and 100.')).toHaveAttribute('role', 'alert');
    expect(reading).toHaveValue('120');
    expect(reading).toHaveAttribute('aria-invalid', 'true');
    expect(await repositories.measures.readings(measure.id)).toHaveLength(0);
  });

  it('questions a reading dated after today and adds it once confirmed', async () => {
    const { repositories, measure } = await seedPhonicsMeasure();
    const { user } = renderMeasures(`/measures/${measure.id}`, repositories);

    const date = await screen.findByLabelText('Date');
    await user.clear(date);
    await user.type(date, isoDaysFromToday(3));
    await user.type(screen.getByLabelText('Reading'), '45%');
    expect(screen.getByText('That date is after today. Is it right?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add the reading' }));
    expect(await screen.findByText('Tick the box to keep this date, or change it.')).toBeInTheDocument();
    expect(await repositories.measures.readings(measure.id)).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: 'Yes, the date is right' }));
    await user.click(screen.getByRole('button', { name: 'Add the reading' }));
    expect(await screen.findByRole('cell', { name: formatUkDate(isoDaysFromToday(3)) })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '45%' })).toBeInTheDocument();
  });

  it('deletes a reading with "Reading deleted — Undo", and Undo brings it back', async () => {
    const { repositories, measure } = await seedPhonicsMeasure();
    await repositories.measures.addReading({ measureId: measure.id, date: '2026-03-02', value: 51, note: 'Spring check' });
    await repositories.measures.addReading({ measureId: measure.id, date: '2026-06-15', value: 79, note: '' });
    const { user } = renderMeasures(`/measures/${measure.id}`, repositories);

    const spring = await screen.findByRole('row', { name: /Spring check/ });
    await user.click(within(spring).getByRole('button', { name: 'Delete the reading of 51% on 2 March 2026' }));
    expect(await screen.findByText('Reading deleted')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('row', { name: /Spring check/ })).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('row', { name: /Spring check/ })).toBeInTheDocument();
    // Oldest first: the spring reading is back above the summer one.
    const bodyRows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(bodyRows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['2 March 2026', '15 June 2026']);
  });

  it('shows out-of-range baselines inline, keeping the typed text, and asks for an "Other unit" label', async () => {
    const { user, repositories } = renderMeasures('/measures/new');

    await user.type(await screen.findByLabelText('What are you measuring?'), 'Lessons judged good');
    await user.type(screen.getByLabelText('Baseline'), '150%');
    await user.click(screen.getByRole('button', { name: 'Save this measure' }));
    expect(await screen.findByText('A percentage must be between 0 and 100.')).toBeInTheDocument();
    expect(screen.getByLabelText('Baseline')).toHaveValue('150%');

    await user.selectOptions(screen.getByLabelText('Unit'), 'Other unit');
    await user.click(screen.getByRole('button', { name: 'Save this measure' }));
    expect(await screen.findByText('Say what the unit is, e.g. "sessions".')).toBeInTheDocument();
    await user.type(screen.getByLabelText('What is the unit?'), 'sessions');
    await user.click(screen.getByRole('button', { name: 'Save this measure' }));

    expect(await screen.findByRole('region', { name: 'Lessons judged good' })).toHaveTextContent('150 sessions → no readings yet');
    expect(await repositories.measures.list()).toHaveLength(1);
  });

  it('links a new measure to the trial it was started from', async () => {
    const repositories = freshRepositories();
    const trial = await repositories.trials.create({ what: 'Home visits' });
    renderMeasures(`/measures/new?trial=${trial.id}`, repositories);

    expect(await screen.findByLabelText('What is it evidence for?')).toHaveValue(`trial:${trial.id}`);
  });

  it('edits a measure, then deletes it with Undo', async () => {
    const { repositories, measure } = await seedPhonicsMeasure();
    const { user } = renderMeasures(`/measures/${measure.id}`, repositories);

    await user.click(await screen.findByRole('link', { name: 'Edit the measure' }));
    const target = await screen.findByLabelText('Target (optional)');
    expect(target).toHaveValue('70');
    await user.clear(target);
    await user.type(target, '80');
    await user.click(screen.getByRole('button', { name: 'Save the measure' }));
    const detail = await screen.findByRole('region', { name: PHONICS });
    expect(within(detail).getByText('27% → no readings yet (target 80%)')).toBeInTheDocument();

    await user.click(within(detail).getByRole('button', { name: 'Delete this measure' }));
    expect(await screen.findByText('Measure deleted')).toBeInTheDocument();
    expect(await screen.findByText(/No measures yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: new RegExp(PHONICS) })).toBeInTheDocument();
  });
});
