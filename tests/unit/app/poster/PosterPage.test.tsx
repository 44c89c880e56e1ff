import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Repositories } from '../../../../src/app/db/createRepositories';
import { PosterPage } from '../../../../src/app/poster/PosterPage';
import { freshRepositories, renderPage } from '../support/renderPage';

const FOCUS = 'Improving the quality of teaching';
const LEARNING = 'Short daily observations beat termly ones';
const MEASURE = 'Pupils passing the KS1 phonics check';

async function seed(repositories: Repositories) {
  const challenge = await repositories.challenge.save({
    focus: FOCUS,
    issue: 'Phonics teaching in KS1 is not yet consistently good.',
    desiredOutcomes: "To spread 'good' teaching throughout the school.",
    themes: ['attainment', 'reflection'],
  });
  const trial = await repositories.trials.create({ what: 'Daily phonics observations', withWhom: 'the Year 1 teachers', challengeId: challenge.id });
  await repositories.trials.setStatus(trial.id, 'under_way');
  await repositories.trials.saveReview(trial.id, { learning: LEARNING, wentWell: 'Teachers asked for feedback', nextStep: 'continue' });
  const measure = await repositories.measures.create({
    name: MEASURE,
    unit: 'percent',
    baselineValue: 27,
    baselineDate: '2025-09-15',
    target: 70,
    challengeId: challenge.id,
  });
  await repositories.measures.addReading({ measureId: measure.id, date: '2026-07-01', value: 79, note: '' });
}

/** The records the poster is built from, as stored. */
async function records(repositories: Repositories) {
  const challenge = await repositories.challenge.current();
  const trials = await repositories.trials.list();
  const measures = await repositories.measures.list();
  const readings = await Promise.all(measures.map((measure) => repositories.measures.readings(measure.id)));
  const revisions = challenge ? await repositories.challenge.revisions(challenge.id) : [];
  return { challenge, revisions, trials, measures, readings };
}

function section(name: string) {
  return screen.getByRole('region', { name });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Impact poster', () => {
  it('with no challenge, explains that the poster is built from it', async () => {
    renderPage('/poster', <PosterPage />);
    expect(await screen.findByText(/Your impact poster is built from your challenge/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Write my challenge' })).toHaveAttribute('href', '/challenge/new');
    expect(screen.queryByRole('button', { name: 'Make my poster' })).not.toBeInTheDocument();
  });

  it('makes the poster in one tap; editing a section shows the override and never changes the records', async () => {
    const repositories = freshRepositories();
    await seed(repositories);
    const before = await records(repositories);
    const { user } = renderPage('/poster', <PosterPage />, '/poster', repositories);

    await user.click(await screen.findByRole('button', { name: 'Make my poster' }));

    const poster = await screen.findByRole('article', { name: FOCUS });
    for (const heading of ['Focus', 'Issue or concern', 'Desired outcomes', 'Specific actions taken', 'Impact of those actions', 'Key learning points', 'Themes']) {
      expect(within(poster).getByRole('region', { name: heading })).toBeInTheDocument();
    }
    expect(within(section('Specific actions taken')).getByText('Daily phonics observations')).toBeInTheDocument();
    expect(within(section('Key learning points')).getAllByRole('listitem').map((item) => item.textContent)).toEqual([LEARNING, 'Teachers asked for feedback']);
    expect(within(section('Themes')).getByText('Reflection for action')).toBeInTheDocument();
    const impact = section('Impact of those actions');
    expect(within(impact).getByRole('img', { name: `${MEASURE}: 27% → 79%, target 70% met` })).toBeInTheDocument();
    expect(within(impact).getByText('27% → 79%, target 70% met')).toBeInTheDocument();
    expect(within(impact).getByRole('table', { name: `Readings of ${MEASURE}` })).toBeInTheDocument();
    expect(screen.getByText('Only you can see this')).toBeInTheDocument();

    // Edit the issue on the poster.
    await user.click(within(section('Issue or concern')).getByRole('button', { name: 'Edit Issue or concern' }));
    const box = screen.getByRole('textbox', { name: 'Your words for “Issue or concern”' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue('Phonics teaching in KS1 is not yet consistently good.');
    await user.clear(box);
    await user.type(box, 'Phonics was patchy across KS1.');
    expect(await screen.findByText('Saved on this device')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));

    await waitFor(() => expect(within(section('Issue or concern')).getByText('Phonics was patchy across KS1.')).toBeInTheDocument(), { timeout: 3000 });
    const issue = section('Issue or concern');
    expect(within(issue).getByText(/Your own words on the poster — your records are unchanged/)).toBeInTheDocument();
    await waitFor(() => expect(within(issue).getByRole('button', { name: 'Edit Issue or concern' })).toHaveFocus());
    await waitFor(async () => expect((await repositories.posters.current())?.overrides).toEqual({ issue: 'Phonics was patchy across KS1.' }));
    expect(await records(repositories)).toEqual(before);

    // And back to what the records say.
    await user.click(within(issue).getByRole('button', { name: 'Back to what my records say for Issue or concern' }));
    expect(await within(section('Issue or concern')).findByText('Phonics teaching in KS1 is not yet consistently good.')).toBeInTheDocument();
    expect((await repositories.posters.current())?.overrides).toEqual({});
    expect(await records(repositories)).toEqual(before);
  });

  it('writes over a list section one point a line; "Back to what my records say" from the editor drops it', async () => {
    const repositories = freshRepositories();
    await seed(repositories);
    await repositories.posters.build();
    const { user } = renderPage('/poster', <PosterPage />, '/poster', repositories);

    await user.click(await screen.findByRole('button', { name: 'Edit Key learning points' }));
    const box = screen.getByRole('textbox', { name: 'Your words for “Key learning points”' });
    await user.clear(box);
    await user.type(box, 'Observe little and often{Enter}Ask the pupils');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() =>
      expect(within(section('Key learning points')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Observe little and often', 'Ask the pupils']),
    );

    await user.click(within(section('Key learning points')).getByRole('button', { name: 'Edit Key learning points' }));
    await user.click(screen.getByRole('button', { name: 'Back to what my records say' }));
    await waitFor(() => expect(within(section('Key learning points')).getAllByRole('listitem')[0]).toHaveTextContent(LEARNING));
    expect((await repositories.posters.current())?.overrides).toEqual({});
  });

  it('chooses A3 and prints', async () => {
    const repositories = freshRepositories();
    await seed(repositories);
    await repositories.posters.build();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = renderPage('/poster', <PosterPage />, '/poster', repositories);

    expect(await screen.findByRole('radio', { name: 'A4' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'A3' }));
    await waitFor(() => expect(screen.getByRole('article', { name: FOCUS })).toHaveClass('poster--a3'));
    expect((await repositories.posters.current())?.size).toBe('A3');
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });
});
