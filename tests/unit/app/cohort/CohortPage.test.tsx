import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAccountStore } from '../../../../src/app/account/accountStore';
import { useToastStore } from '../../../../src/app/ui/toastStore';
import { formatUkDate, toIsoDate } from '../../../../src/domain/dates';
import { coordinatorsDevice, memberJoined, renderCohortPage } from './renderCohortPage';

beforeEach(() => useToastStore.setState({ toast: null }));
afterEach(() => useAccountStore.setState({ account: null, csrfToken: null, sessionExpired: false }));

describe('the coordinator’s cohort', () => {
  it('starts a cohort, adds two sets and the calendar, listed by date', async () => {
    const { repositories } = await coordinatorsDevice();
    const { user, location } = renderCohortPage(repositories);

    expect(await screen.findByText(/A cohort is one year of the programme/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start this cohort' }));
    expect(await screen.findByText(/Give the cohort a name/)).toBeInTheDocument();
    expect(screen.getByText('Enter the date the cohort starts.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Name of the cohort'), 'Northfield leaders 2026–27');
    await user.type(screen.getByLabelText('Starts on'), '2026-09-01');
    await user.type(screen.getByLabelText('Ends on'), '2027-07-16');
    await user.click(screen.getByRole('button', { name: 'Start this cohort' }));

    expect(await screen.findByRole('heading', { name: 'Northfield leaders 2026–27', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('1 September 2026 – 16 July 2027')).toBeInTheDocument();
    const [cohort] = await repositories.directory.cohortsICoordinate();
    expect(cohort?.coordinatorIds).toEqual(['user-coordinator']);
    expect(location.history.at(-1)).toBe(`/cohort/${cohort?.id}`);

    const addSet = await screen.findByRole('textbox', { name: 'Add a set' });
    await user.type(addSet, 'Set B — secondary');
    await user.click(screen.getByRole('button', { name: 'Add set' }));
    expect(await screen.findByRole('heading', { name: 'Set B — secondary' })).toBeInTheDocument();
    expect(addSet).toHaveValue('');
    await user.type(addSet, 'Set A — primary{Enter}');
    expect(await screen.findByRole('heading', { name: 'Set A — primary' })).toBeInTheDocument();
    const setHeadings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(setHeadings).toEqual(['Set A — primary', 'Set B — secondary']);

    await user.click(screen.getByRole('button', { name: 'Rename Set B — secondary' }));
    const newName = screen.getByLabelText('New name for Set B — secondary');
    await user.clear(newName);
    await user.type(newName, 'Set B — KS3{Enter}');
    expect(await screen.findByRole('heading', { name: 'Set B — KS3' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Calendar' }));
    expect(await screen.findByText(/Nothing on the calendar yet/)).toBeInTheDocument();

    // A set meeting in October, then a core workshop in September: the list goes by date.
    await user.click(screen.getByRole('button', { name: 'Add to the calendar' }));
    const form = screen.getByRole('form', { name: 'Add to the calendar' });
    await user.selectOptions(within(form).getByLabelText('What is it?'), 'Set meeting');
    await user.type(within(form).getByLabelText('Title'), 'Set A meeting 1');
    await user.type(within(form).getByLabelText('Date'), '2026-10-08');
    await user.click(within(form).getByRole('button', { name: 'Add to the calendar' }));
    expect(await within(form).findByText('Choose the set that meets.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Which set meets?'), 'Set A — primary');
    await user.type(within(form).getByLabelText('Time (optional)'), '16:00');
    await user.click(within(form).getByRole('button', { name: 'Add to the calendar' }));
    const calendar = await screen.findByRole('list', { name: 'Calendar by date' });
    expect(within(calendar).getByText('8 October 2026, 16:00')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add to the calendar' }));
    const second = screen.getByRole('form', { name: 'Add to the calendar' });
    await user.type(within(second).getByLabelText('Title'), 'Core workshop 1: leading change');
    await user.type(within(second).getByLabelText('Date'), '2026-09-24');
    await user.type(within(second).getByLabelText('Place (optional)'), 'Oakfield Primary');
    await user.click(within(second).getByRole('button', { name: 'Add to the calendar' }));

    await waitFor(() => expect(within(calendar).getAllByRole('listitem')).toHaveLength(2));
    const items = within(calendar).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('24 September 2026');
    expect(items[0]).toHaveTextContent('Core workshop');
    expect(items[0]).toHaveTextContent('Core workshop 1: leading change');
    expect(items[0]).toHaveTextContent('Oakfield Primary');
    expect(items[1]).toHaveTextContent('8 October 2026, 16:00');
    expect(items[1]).toHaveTextContent('Set meeting');
    expect(items[1]).toHaveTextContent('Set A — primary');

    // Removing asks nothing and offers Undo.
    await user.click(within(calendar).getByRole('button', { name: 'Remove Set A meeting 1' }));
    await waitFor(() => expect(within(calendar).getAllByRole('listitem')).toHaveLength(1));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(calendar).getAllByRole('listitem')).toHaveLength(2));
  });

  it('moves a participant to another set and marks another withdrawn, saying what that means', async () => {
    const { db, repositories } = await coordinatorsDevice();
    const cohort = await repositories.cohort.createCohort({ name: 'Northfield leaders 2026–27', startsOn: '2026-09-01', endsOn: '2027-07-16' });
    const setA = await repositories.cohort.createSet(cohort.id, 'Set A');
    const setB = await repositories.cohort.createSet(cohort.id, 'Set B');
    await memberJoined(db, { cohortId: cohort.id, setId: setA.id, userId: 'user-priya', displayName: 'Priya Shah' });
    await memberJoined(db, { cohortId: cohort.id, setId: setA.id, userId: 'user-sam', displayName: 'Sam Lee' });
    await memberJoined(db, { cohortId: cohort.id, setId: setA.id, userId: 'user-amara', displayName: 'Amara Osei', role: 'facilitator' });
    const { user } = renderCohortPage(repositories, { path: `/cohort/${cohort.id}` });

    const peopleInA = await screen.findByRole('list', { name: 'People in Set A' });
    expect(within(peopleInA).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Amara Osei',
      'Priya Shah',
      'Sam Lee',
    ]);
    expect(within(peopleInA).getAllByRole('listitem')[0]).toHaveTextContent('Facilitator · Active');
    expect(screen.getByText(/No one in this set yet/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Move Priya Shah to another set' }));
    await user.click(screen.getByRole('button', { name: 'Move' }));
    expect(await screen.findByText('Choose the set they move to.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Move Priya Shah to'), 'Set B');
    await user.click(screen.getByRole('button', { name: 'Move' }));

    const peopleInB = await screen.findByRole('list', { name: 'People in Set B' });
    expect(within(peopleInB).getByText('Priya Shah')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'People in Set A' })).queryByText('Priya Shah')).not.toBeInTheDocument();
    expect(await screen.findByText('Priya Shah moved to Set B.')).toBeInTheDocument();
    expect((await repositories.directory.setMembers(setB.id)).map((m) => m.displayName)).toEqual(['Priya Shah']);

    await user.click(screen.getByRole('button', { name: 'Mark Sam Lee withdrawn' }));
    const withdraw = screen.getByRole('form', { name: 'Withdraw Sam Lee' });
    expect(within(withdraw).getByText("Sam Lee keeps everything they wrote; the set's meeting notes stay with the set.")).toBeInTheDocument();
    const today = toIsoDate(new Date());
    expect(within(withdraw).getByLabelText('Withdrew on')).toHaveValue(today);
    await user.click(within(withdraw).getByRole('button', { name: 'Mark withdrawn' }));

    const samRow = (await screen.findByText(`Withdrawn on ${formatUkDate(today)}`)).closest('li');
    expect(samRow).toHaveTextContent('Sam Lee');
    expect(within(samRow!).getByRole('button', { name: 'Reinstate Sam Lee' })).toBeInTheDocument();
    // Withdrawn people are listed after those still active.
    const rows = within(screen.getByRole('list', { name: 'People in Set A' })).getAllByRole('listitem');
    expect(rows.at(-1)).toBe(samRow);
  });

  it('tells someone without the coordinator role that only a coordinator can start a cohort', async () => {
    const { repositories } = await coordinatorsDevice();
    useAccountStore.setState({ account: { userId: 'user-priya', email: 'priya@oakfield.example', displayName: 'Priya Shah', roles: ['participant'] } });
    renderCohortPage(repositories);
    expect(await screen.findByText(/Only a programme coordinator can start a cohort/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start this cohort' })).not.toBeInTheDocument();
  });
});
