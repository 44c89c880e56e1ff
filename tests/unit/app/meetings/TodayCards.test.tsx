import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeRecordChange } from '../../../../src/app/db/writeRecordChange';
import { TodayPage } from '../../../../src/app/today/TodayPage';
import { useToastStore } from '../../../../src/app/ui/toastStore';
import { formatUkDate } from '../../../../src/domain/dates';
import { renderInApp, type AppHarness } from '../../support/renderInApp';
import { isoDaysFromToday } from '../support/renderPage';
import { COHORT_ID, PEOPLE, SET_ID, seedSet, signInAs } from './seedSet';

const { facilitator, priya, tom } = PEOPLE;
let app: AppHarness;

beforeEach(() => {
  useToastStore.setState({ toast: null });
});
afterEach(async () => {
  await app.dispose();
});

describe('Today, for a member of a set', () => {
  it('shows my actions due this week (overdue ones too) and marks one done', async () => {
    app = renderInApp(() => <TodayPage />);
    const { db, repositories } = app;
    await seedSet(db, facilitator.userId);
    const meeting = await repositories.meetings.startMeeting({ setId: SET_ID, heldOn: isoDaysFromToday(-14) });
    const add = (assigneeId: string, text: string, days: number) =>
      repositories.meetings.addAction({ meetingId: meeting.id, assigneeId, text, dueOn: isoDaysFromToday(days) });
    await add(priya.userId, 'Draft the letter to Year 1 parents', 3);
    await add(priya.userId, 'Book the phonics INSET', -2);
    await add(priya.userId, 'Write up the learning walk', 20);
    await add(tom.userId, 'Share the maths audit', 1);
    await signInAs(db, priya.userId);

    const card = await screen.findByRole('region', { name: 'Actions due this week' });
    const letter = (await within(card).findByText('Draft the letter to Year 1 parents')).closest('li')!;
    expect(within(letter).getByText(`Due ${formatUkDate(isoDaysFromToday(3))}`)).toBeInTheDocument();
    const inset = within(card).getByText('Book the phonics INSET').closest('li')!;
    expect(within(inset).getByText(`Overdue — due ${formatUkDate(isoDaysFromToday(-2))}`)).toBeInTheDocument();
    expect(within(card).queryByText('Write up the learning walk')).not.toBeInTheDocument();
    expect(within(card).queryByText('Share the maths audit')).not.toBeInTheDocument();

    await userEvent.setup().click(within(inset).getByRole('button', { name: 'Mark done' }));
    await waitFor(() => expect(within(card).queryByText('Book the phonics INSET')).not.toBeInTheDocument());
    expect(within(card).getByText('Draft the letter to Year 1 parents')).toBeInTheDocument();
  });

  it('shows the next set meeting from the calendar', async () => {
    app = renderInApp(() => <TodayPage />);
    const { db } = app;
    await seedSet(db, priya.userId);
    const event = (id: string, days: number, title: string) =>
      writeRecordChange(db, {
        table: 'calendarEvents',
        recordId: id,
        fields: { cohortId: COHORT_ID, setId: SET_ID, kind: 'set_meeting', title, startsOn: isoDaysFromToday(days), endsOn: null, startTime: '15:30', place: 'Brookside Primary' },
        create: true,
      });
    await event('e-past', -20, 'Set meeting 2');
    await event('e-later', 40, 'Set meeting 4');
    await event('e-next', 9, 'Set meeting 3');

    const card = await screen.findByRole('region', { name: 'Next set meeting' });
    expect(await within(card).findByText('Set meeting 3')).toBeInTheDocument();
    expect(within(card).getByText(formatUkDate(isoDaysFromToday(9)))).toBeInTheDocument();
    expect(card).toHaveTextContent('15:30 · Brookside Primary');
  });

  it('shows neither card to someone in no set', async () => {
    app = renderInApp(() => <TodayPage />);
    expect(await screen.findByRole('heading', { name: 'Recent entries' })).toBeInTheDocument();
    // Let the cards' live queries answer before looking for what they must not show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { name: 'Actions due this week' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Next set meeting' })).not.toBeInTheDocument();
  });
});
