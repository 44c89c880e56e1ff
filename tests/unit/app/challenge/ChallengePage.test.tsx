import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChallengePage } from '../../../../src/app/challenge/ChallengePage';
import { useToastStore } from '../../../../src/app/ui/toastStore';
import { formatUkDate } from '../../../../src/domain/dates';
import { freshRepositories, renderPage } from '../support/renderPage';

const ISSUE = 'Phonics teaching in KS1 at Oakfield Primary is not yet good enough.';

function renderChallenge(path = '/challenge', repositories = freshRepositories()) {
  return renderPage('/challenge', <ChallengePage />, path, repositories);
}

describe('My challenge', () => {
  beforeEach(() => {
    useToastStore.setState({ toast: null });
  });

  it('explains the step when there is no challenge, then shows the challenge once written', async () => {
    const { user } = renderChallenge();

    expect(
      await screen.findByText("Your challenge is the question you'll work on all year. Start with what worries you."),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Write my challenge' }));

    await user.click(await screen.findByRole('radio', { name: 'Improving the quality of teaching' }));
    await user.type(screen.getByLabelText('The issue or concern, in your own words'), ISSUE);
    await user.type(screen.getByLabelText('Desired outcomes'), 'Good phonics teaching in every KS1 class.');
    await user.type(screen.getByLabelText('Baseline'), '27% of pupils pass the phonics check.');
    await user.type(screen.getByLabelText('Success criterion 1'), '70% pass the phonics check');
    await user.click(screen.getByRole('button', { name: 'Add a success criterion' }));
    await user.type(screen.getByLabelText('Success criterion 2'), 'No phonics lesson judged inadequate');
    await user.click(screen.getByRole('checkbox', { name: 'Raising attainment' }));
    await user.click(screen.getByRole('button', { name: 'Save my challenge' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My challenge' })).toBeInTheDocument();
    const challenge = screen.getByRole('article', { name: 'The challenge' });
    expect(within(challenge).getByText(ISSUE)).toBeInTheDocument();
    expect(within(challenge).getByText('Improving the quality of teaching')).toBeInTheDocument();
    expect(within(challenge).getByText('No phonics lesson judged inadequate')).toBeInTheDocument();
    expect(within(challenge).getByText('Raising attainment')).toHaveClass('tag');
    expect(within(challenge).getByText('Only you can see this')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: /^Version 1 · / })).toBeInTheDocument();
  });

  it('lists both versions, newest first, with the reason and what changed, after a revision', async () => {
    const repositories = freshRepositories();
    await repositories.challenge.save({ focus: 'Improving the quality of teaching', issue: ISSUE, themes: ['attainment'] });
    const { user } = renderChallenge('/challenge', repositories);

    await user.click(await screen.findByRole('link', { name: 'Revise my challenge' }));
    await user.click(await screen.findByRole('radio', { name: 'Managing change' }));
    await user.type(
      screen.getByLabelText('Why are you revising it? (optional)'),
      'The head has left; the focus moves to KS2',
    );
    await user.click(screen.getByRole('button', { name: 'Save the new version' }));

    const history = await screen.findByRole('region', { name: 'How your challenge has changed' });
    const versions = await within(history).findAllByRole('listitem');
    expect(versions).toHaveLength(2);
    const today = formatUkDate(new Date().toISOString());
    expect(within(versions[0]!).getByRole('heading', { name: `Version 2 · ${today}` })).toBeInTheDocument();
    expect(within(versions[0]!).getByText('Why: The head has left; the focus moves to KS2')).toBeInTheDocument();
    expect(within(versions[0]!).getByText('Changed: Focus')).toBeInTheDocument();
    expect(within(versions[1]!).getByRole('heading', { name: `Version 1 · ${today}` })).toBeInTheDocument();
    expect(within(versions[1]!).getByText('The first version.')).toBeInTheDocument();

    // The earlier version can still be read in full.
    await user.click(within(versions[1]!).getByText('Read version 1 in full'));
    expect(within(versions[1]!).getByText('Improving the quality of teaching')).toBeVisible();
    expect(within(screen.getByRole('article', { name: 'The challenge' })).getByText('Managing change')).toBeInTheDocument();
  });

  it('asks for a focus inline and keeps what was typed', async () => {
    const { user, repositories } = renderChallenge('/challenge/new');

    await user.type(await screen.findByLabelText('The issue or concern, in your own words'), ISSUE);
    await user.click(screen.getByRole('button', { name: 'Save my challenge' }));

    expect(await screen.findByText('Choose a focus or write your own.')).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText('The issue or concern, in your own words')).toHaveValue(ISSUE);
    expect(await repositories.challenge.current()).toBeUndefined();
  });

  it('asks for the words when "Something else" is chosen, then saves the own focus', async () => {
    const { user } = renderChallenge('/challenge/new');

    await user.click(await screen.findByRole('radio', { name: 'Something else' }));
    await user.type(screen.getByLabelText('The issue or concern, in your own words'), 'Attendance in Year 4 is falling.');
    await user.click(screen.getByRole('button', { name: 'Save my challenge' }));
    const ownFocus = screen.getByLabelText('Your own focus');
    expect(await screen.findByText('Choose a focus or write your own.')).toBeInTheDocument();
    expect(ownFocus).toHaveAttribute('aria-invalid', 'true');

    await user.type(ownFocus, 'Raising attendance in Year 4');
    await user.click(screen.getByRole('button', { name: 'Save my challenge' }));
    expect(await screen.findByText('Raising attendance in Year 4')).toBeInTheDocument();
  });

  it('brings back an unsaved form after a reload, and clears the draft once saved', async () => {
    const repositories = freshRepositories();
    const first = renderChallenge('/challenge/new', repositories);
    await first.user.type(await screen.findByLabelText('The issue or concern, in your own words'), ISSUE);
    await first.user.click(screen.getByRole('radio', { name: 'Managing change' }));
    await waitFor(async () => expect(await repositories.drafts.get('challenge-form')).toMatchObject({ issue: ISSUE }));
    first.unmount();

    const second = renderChallenge('/challenge/new', repositories);
    expect(await screen.findByText('We kept what you were writing last time.')).toBeInTheDocument();
    expect(screen.getByLabelText('The issue or concern, in your own words')).toHaveValue(ISSUE);
    expect(screen.getByRole('radio', { name: 'Managing change' })).toBeChecked();

    await second.user.click(screen.getByRole('button', { name: 'Save my challenge' }));
    expect(await screen.findByRole('link', { name: 'Revise my challenge' })).toBeInTheDocument();
    expect(await repositories.drafts.get('challenge-form')).toBeUndefined();
  });

  it('lists the trials and measures of the challenge with links to each', async () => {
    const repositories = freshRepositories();
    const challenge = await repositories.challenge.save({ focus: 'Managing change', issue: ISSUE });
    const trial = await repositories.trials.create({ what: 'Lesson study', challengeId: challenge.id });
    await repositories.trials.setStatus(trial.id, 'under_way');
    await repositories.trials.create({ what: 'A trial for nothing in particular' });
    const measure = await repositories.measures.create({
      name: 'Pupils passing the KS1 phonics check',
      unit: 'percent',
      baselineValue: 27,
      baselineDate: '2026-01-10',
      target: 70,
      challengeId: challenge.id,
    });
    await repositories.measures.addReading({ measureId: measure.id, date: '2026-06-10', value: 79, note: '' });
    renderChallenge('/challenge', repositories);

    const trials = await screen.findByRole('region', { name: 'Trials' });
    const trialLink = await within(trials).findByRole('link', { name: /Lesson study/ });
    expect(trialLink).toHaveAttribute('href', `/trials/${trial.id}`);
    expect(trialLink).toHaveTextContent('Under way');
    expect(within(trials).queryByText('A trial for nothing in particular')).not.toBeInTheDocument();
    expect(within(trials).getByRole('link', { name: 'Plan a trial' })).toHaveAttribute('href', '/trials/new');

    const measures = screen.getByRole('region', { name: 'Measures' });
    const measureLink = await within(measures).findByRole('link', { name: /Pupils passing the KS1 phonics check/ });
    expect(measureLink).toHaveAttribute('href', `/measures/${measure.id}`);
    expect(measureLink).toHaveTextContent('27% → 79% (target 70%)');
    expect(within(measures).getByRole('link', { name: 'Add a measure' })).toHaveAttribute('href', '/measures/new');
  });
});
