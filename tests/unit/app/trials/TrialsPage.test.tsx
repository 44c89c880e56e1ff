import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useUiPreferences } from '../../../../src/app/state/uiPreferences';
import { TrialsPage } from '../../../../src/app/trials/TrialsPage';
import { useToastStore } from '../../../../src/app/ui/toastStore';
import { freshRepositories, isoDaysFromToday, renderPage } from '../support/renderPage';

function renderTrials(path = '/trials', repositories = freshRepositories()) {
  return renderPage('/trials', <TrialsPage />, path, repositories);
}

describe('Trials', () => {
  beforeEach(() => {
    useToastStore.setState({ toast: null });
    useUiPreferences.getState().set({ trialStatusFilter: 'all' });
  });

  it('explains what a trial is when there are none', async () => {
    renderTrials();
    expect(await screen.findByText(/A trial is one thing you try to move your challenge/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Plan a trial' })).toHaveAttribute('href', '/trials/new');
  });

  it('plans a trial from the "Lesson study" chip, still editable, linked to the challenge', async () => {
    const repositories = freshRepositories();
    const challenge = await repositories.challenge.save({ focus: 'Managing change', issue: 'High turnover in the phase.' });
    const { user } = renderTrials('/trials/new', repositories);

    const chip = await screen.findByRole('button', { name: 'Lesson study' });
    await user.click(chip);
    const what = screen.getByLabelText('What will you try?');
    expect(what).toHaveValue('Lesson study');
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    await user.type(what, ' with the Year 2 team');
    expect(what).toHaveValue('Lesson study with the Year 2 team');
    expect(chip).toHaveAttribute('aria-pressed', 'false');

    expect(screen.getByLabelText('Which challenge is it for?')).toHaveValue(challenge.id);
    await user.type(screen.getByLabelText('Why this?'), 'Teachers plan and watch lessons together.');
    await user.type(screen.getByLabelText('Start date'), isoDaysFromToday(7));
    await user.type(screen.getByLabelText('Review date'), isoDaysFromToday(60));
    await user.type(screen.getByLabelText('How will you judge the impact?'), 'Lesson observations before and after.');
    await user.click(screen.getByRole('button', { name: 'Save this trial' }));

    const detail = await screen.findByRole('region', { name: 'Lesson study with the Year 2 team' });
    expect(within(detail).getByText('Planned')).toBeInTheDocument();
    expect(within(detail).getByText('Only you can see this')).toBeInTheDocument();
    expect(within(detail).getByText('Teachers plan and watch lessons together.')).toBeInTheDocument();
    expect(await within(detail).findByRole('link', { name: 'Managing change' })).toHaveAttribute('href', '/challenge');
    const [saved] = await repositories.trials.list();
    expect(saved).toMatchObject({ what: 'Lesson study with the Year 2 team', challengeId: challenge.id, status: 'planned' });
  });

  it('refuses a review date before the start date, inline', async () => {
    const { user, repositories } = renderTrials('/trials/new');

    await user.type(await screen.findByLabelText('What will you try?'), 'Learning walks');
    await user.type(screen.getByLabelText('Start date'), isoDaysFromToday(30));
    await user.type(screen.getByLabelText('Review date'), isoDaysFromToday(10));
    await user.click(screen.getByRole('button', { name: 'Save this trial' }));

    expect(await screen.findByText('The review date comes before the start date.')).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText('Review date')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('What will you try?')).toHaveValue('Learning walks');
    expect(await repositories.trials.list()).toHaveLength(0);
  });

  it('questions a start date more than a year ahead, and saves once it is confirmed', async () => {
    const { user, repositories } = renderTrials('/trials/new');

    await user.type(await screen.findByLabelText('What will you try?'), 'Peer coaching');
    await user.type(screen.getByLabelText('Start date'), isoDaysFromToday(500));
    expect(await screen.findByText('Is that date right? The start is more than a year away.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save this trial' }));
    expect(await screen.findByText('Tick the box to keep this date, or change it.')).toBeInTheDocument();
    expect(await repositories.trials.list()).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: 'Yes, that date is right' }));
    await user.click(screen.getByRole('button', { name: 'Save this trial' }));
    expect(await screen.findByRole('region', { name: 'Peer coaching' })).toBeInTheDocument();
    expect(await repositories.trials.list()).toHaveLength(1);
  });

  it('moves a trial Planned → Under way → Reviewing and completes the review with "Refine"', async () => {
    const repositories = freshRepositories();
    const trial = await repositories.trials.create({ what: 'Filming lessons for self-reflection' });
    const { user } = renderTrials(`/trials/${trial.id}`, repositories);

    const detail = await screen.findByRole('region', { name: 'Filming lessons for self-reflection' });
    expect(within(detail).getByText('Planned')).toBeInTheDocument();
    expect(within(detail).getByRole('listitem', { current: 'step' })).toHaveTextContent('Plan');

    await user.click(within(detail).getByRole('button', { name: 'Start the trial' }));
    expect(await within(detail).findByText('Under way')).toBeInTheDocument();
    expect(within(detail).getByRole('listitem', { current: 'step' })).toHaveTextContent('Do');

    await user.click(within(detail).getByRole('button', { name: 'Review it' }));
    expect(await within(detail).findByText('Reviewing')).toBeInTheDocument();

    await user.type(within(detail).getByLabelText('What went well?'), 'Teachers watched themselves and changed their questioning.');
    await user.type(within(detail).getByLabelText('What did I learn?'), 'Short clips work better than whole lessons.');
    await user.click(within(detail).getByRole('radio', { name: 'Refine' }));
    await user.type(within(detail).getByLabelText('About the next step'), 'Film ten minutes, not the whole lesson.');
    await user.click(within(detail).getByRole('button', { name: 'Save the review' }));

    expect(await within(detail).findByText('Done')).toBeInTheDocument();
    expect(within(detail).getByText('Refine')).toBeInTheDocument();
    expect(within(detail).getByText('Short clips work better than whole lessons.')).toBeInTheDocument();
    expect(within(detail).getByRole('button', { name: 'Reopen the review' })).toBeInTheDocument();
    expect(await repositories.trials.get(trial.id)).toMatchObject({ status: 'done', review: { nextStep: 'refine' } });
  });

  it('filters the list by status and remembers the choice', async () => {
    const repositories = freshRepositories();
    await repositories.trials.create({ what: 'Parent workshops' });
    const started = await repositories.trials.create({ what: 'Change teams' });
    await repositories.trials.setStatus(started.id, 'under_way');
    const { user } = renderTrials('/trials', repositories);

    const list = await screen.findByRole('list', { name: 'All trials' });
    expect(await within(list).findAllByRole('listitem')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Under way' }));
    const filtered = screen.getByRole('list', { name: 'Trials: Under way' });
    expect(within(filtered).getByText('Change teams')).toBeInTheDocument();
    expect(within(filtered).queryByText('Parent workshops')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Under way' })).toHaveAttribute('aria-pressed', 'true');
    expect(useUiPreferences.getState().trialStatusFilter).toBe('under_way');

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByText('No trials are done just now.')).toBeInTheDocument();
  });

  it('edits the plan', async () => {
    const repositories = freshRepositories();
    const trial = await repositories.trials.create({ what: 'Learning walks', withWhom: 'SLT' });
    const { user } = renderTrials(`/trials/${trial.id}`, repositories);

    await user.click(await screen.findByRole('link', { name: 'Edit the plan' }));
    const withWhom = await screen.findByLabelText('With whom?');
    expect(withWhom).toHaveValue('SLT');
    await user.clear(withWhom);
    await user.type(withWhom, 'SLT and the KS2 phase leader');
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));

    const detail = await screen.findByRole('region', { name: 'Learning walks' });
    expect(within(detail).getByText('SLT and the KS2 phase leader')).toBeInTheDocument();
  });

  it('deletes a trial with "Trial deleted — Undo", and Undo brings it back', async () => {
    const repositories = freshRepositories();
    await repositories.trials.create({ what: 'Shared lesson observation' });
    const trial = await repositories.trials.create({ what: 'Joint practice development' });
    const { user } = renderTrials(`/trials/${trial.id}`, repositories);

    const detail = await screen.findByRole('region', { name: 'Joint practice development' });
    await user.click(within(detail).getByRole('button', { name: 'Delete this trial' }));

    expect(await screen.findByText('Trial deleted')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('link', { name: /Joint practice development/ })).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: /Joint practice development/ })).toBeInTheDocument();
    expect(await repositories.trials.get(trial.id)).toBeDefined();
  });
});
