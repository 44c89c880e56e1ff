import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatUkDate, toIsoDate } from '../../../../src/domain/dates';
import { useToastStore } from '../../../../src/app/ui/toastStore';
import { isoDaysFromToday } from '../support/renderPage';
import { as, deviceOf, renderMySet } from './renderMySet';
import { PEOPLE, SET_ID } from './seedSet';

const { facilitator, priya, tom } = PEOPLE;

describe('My set', () => {
  beforeEach(() => {
    useToastStore.setState({ toast: null });
  });

  it('explains what a set is to someone in none', async () => {
    renderMySet(await deviceOf(priya.userId, { inSet: false }));
    expect(await screen.findByRole('heading', { name: 'You are not in a set yet' })).toBeInTheDocument();
    expect(screen.getByText(/An action learning set is a small group of school leaders/)).toBeInTheDocument();
  });

  it('lets the facilitator start a meeting, dated today, with a round for every active member', async () => {
    const device = await deviceOf(facilitator.userId);
    const { user, location } = renderMySet(device);

    await user.click(await screen.findByRole('button', { name: 'Start a meeting' }));
    const form = screen.getByRole('form', { name: 'Start a meeting' });
    expect(within(form).getByLabelText('Date')).toHaveValue(toIsoDate(new Date()));
    await user.type(within(form).getByLabelText('Place'), 'Oakfield Primary library');
    await user.click(within(form).getByRole('button', { name: 'Start the meeting' }));

    const notes = await screen.findByRole('region', { name: /^Set meeting, .* · Oakfield Primary library$/ });
    expect(location.history.at(-1)).toMatch(/^\/set\/meetings\//);
    const rounds = await within(notes).findByRole('region', { name: 'Rounds' });
    // Dan has withdrawn and the facilitator does not present: three rounds.
    expect(within(rounds).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Aisha Khan', 'Priya Shah', 'Tom Okafor']);
    expect(within(notes).getByRole('group', { name: 'Attendance: Priya Shah' })).toBeInTheDocument();
    expect(within(notes).getByRole('link', { name: 'Meeting mode' })).toBeInTheDocument();

    const list = screen.getByRole('list', { name: 'Meetings' });
    expect(within(list).getByText(/Oakfield Primary library/)).toBeInTheDocument();
    expect(within(list).getByText('Attendance not taken yet')).toBeInTheDocument();
  });

  it('marks attendance with one tap and counts it in the list', async () => {
    const device = await deviceOf(facilitator.userId);
    const meeting = await device.repositories.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14', place: 'Brookside Primary' });
    const { user } = renderMySet(device, `/set/meetings/${meeting.id}`);

    const priyaMarks = await screen.findByRole('group', { name: 'Attendance: Priya Shah' });
    await user.click(within(priyaMarks).getByRole('button', { name: 'Present' }));
    await user.click(within(screen.getByRole('group', { name: 'Attendance: Tom Okafor' })).getByRole('button', { name: 'Apologies' }));

    await waitFor(() => expect(within(priyaMarks).getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true'));
    const list = screen.getByRole('list', { name: 'Meetings' });
    expect(await within(list).findByText('1 present · 1 apologies')).toBeInTheDocument();
  });

  it('keeps what the facilitator types in a round: it is there after a reload', async () => {
    const device = await deviceOf(facilitator.userId);
    const meeting = await device.repositories.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    const path = `/set/meetings/${meeting.id}`;
    const first = renderMySet(device, path);

    const round = await screen.findByRole('region', { name: 'Priya Shah' });
    await first.user.type(within(round).getByLabelText('Update since last meeting'), 'Phonics groups now run daily.');
    await first.user.type(within(round).getByLabelText('The set’s questions'), 'What would the TAs say?');
    expect(await within(round).findByText('Saved on this device')).toBeInTheDocument();
    first.unmount();

    renderMySet(device, path);
    const again = await screen.findByRole('region', { name: 'Priya Shah' });
    expect(within(again).getByLabelText('Update since last meeting')).toHaveValue('Phonics groups now run daily.');
    expect(within(again).getByLabelText('The set’s questions')).toHaveValue('What would the TAs say?');
  });

  it('adds an action with its owner and due date to a round', async () => {
    const device = await deviceOf(facilitator.userId);
    const meeting = await device.repositories.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    const { user } = renderMySet(device, `/set/meetings/${meeting.id}`);

    const round = await screen.findByRole('region', { name: 'Tom Okafor' });
    expect(within(round).getByLabelText('Owner')).toHaveDisplayValue('Tom Okafor');
    await user.type(within(round).getByLabelText('New action'), 'Run a pupil voice survey in Year 5');
    const dueOn = isoDaysFromToday(21);
    await user.type(within(round).getByLabelText('Due date'), dueOn);
    await user.click(within(round).getByRole('button', { name: 'Add action' }));

    expect(await within(round).findByText('Run a pupil voice survey in Year 5')).toBeInTheDocument();
    expect(within(round).getByText(`Tom Okafor · Due ${formatUkDate(dueOn)}`)).toBeInTheDocument();
    expect(within(round).getByLabelText('New action')).toHaveValue('');
    const [action] = await device.repositories.meetings.listActions(meeting.id);
    expect(action).toMatchObject({ assigneeId: tom.userId, dueOn, status: 'open' });
  });

  it('opens the next meeting with last meeting’s open actions first; "Carry over" moves one into it', async () => {
    const device = await deviceOf(facilitator.userId);
    const { meetings } = device.repositories;
    const march = await meetings.startMeeting({ setId: SET_ID, heldOn: '2026-03-12' });
    const marchRound = (await meetings.listRounds(march.id)).find((r) => r.presenterId === priya.userId)!;
    const old = await meetings.addAction({ meetingId: march.id, roundId: marchRound.id, assigneeId: priya.userId, text: 'Observe two phonics lessons in Year 1', dueOn: '2026-04-30' });
    await meetings.addAction({ meetingId: march.id, assigneeId: tom.userId, text: 'Share the maths audit', dueOn: '2026-04-01' });
    const may = await meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    const { user } = renderMySet(device, `/set/meetings/${may.id}`);

    const review = await screen.findByRole('region', { name: 'Actions from last time' });
    const rounds = await screen.findByRole('region', { name: 'Rounds' });
    expect(review.compareDocumentPosition(rounds) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const items = within(review).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByText(/Observe|Share/).textContent)).toEqual(['Observe two phonics lessons in Year 1', 'Share the maths audit']);

    await user.click(within(items[1]!).getByRole('button', { name: 'Done' }));
    await user.click(within(items[0]!).getByRole('button', { name: 'Carry over' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Actions from last time' })).not.toBeInTheDocument());
    const priyaRound = screen.getByRole('region', { name: 'Priya Shah' });
    expect(await within(priyaRound).findByText('Observe two phonics lessons in Year 1')).toBeInTheDocument();
    expect((await meetings.getAction(old.id))!.status).toBe('carried_over');
  });

  it('shows a member their own round to write in, and everyone else’s to read', async () => {
    const device = await deviceOf(priya.userId);
    const { meetings } = device.repositories;
    const meeting = await as(device, facilitator.userId, async () => {
      const started = await meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14', place: 'Oakfield Primary library' });
      const tomRound = (await meetings.listRounds(started.id)).find((r) => r.presenterId === tom.userId)!;
      await meetings.updateRound(tomRound.id, { update: 'The maths audit is finished.' });
      return started;
    });
    const { user } = renderMySet(device, `/set/meetings/${meeting.id}`);

    const mine = await screen.findByRole('region', { name: 'Priya Shah (your round)' });
    await user.type(within(mine).getByLabelText('What I’d add'), 'I will ask the Year 1 team first.');
    expect(within(mine).getByLabelText('My update')).toBeEnabled();
    expect(within(mine).getByLabelText('Questions the set asked me')).toBeEnabled();
    expect(within(mine).getByLabelText('New action for me')).toBeInTheDocument();
    expect(await within(mine).findByText('Saved on this device')).toBeInTheDocument();

    const theirs = screen.getByRole('region', { name: 'Tom Okafor' });
    expect(within(theirs).getByText('The maths audit is finished.')).toBeInTheDocument();
    expect(within(theirs).queryByLabelText('Update since last meeting')).not.toBeInTheDocument();
    expect(within(theirs).queryByRole('button', { name: 'Add action' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Present' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Meeting mode' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start a meeting' })).not.toBeInTheDocument();

    await waitFor(async () => {
      const round = (await meetings.listRounds(meeting.id)).find((r) => r.presenterId === priya.userId)!;
      expect(round.memberNotes).toBe('I will ask the Year 1 team first.');
    });
  });

  it('lets a member add an action for themselves and mark it done', async () => {
    const device = await deviceOf(priya.userId);
    const meeting = await as(device, facilitator.userId, () => device.repositories.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' }));
    const { user } = renderMySet(device, `/set/meetings/${meeting.id}`);

    const mine = await screen.findByRole('region', { name: 'Priya Shah (your round)' });
    await user.type(within(mine).getByLabelText('New action for me'), 'Book the phonics INSET');
    await user.click(within(mine).getByRole('button', { name: 'Add action' }));
    const item = (await within(mine).findByText('Book the phonics INSET')).closest('li')!;
    expect(within(item).getByText('You · No date set')).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Mark done' }));
    expect(await within(item).findByText('Done')).toBeInTheDocument();
  });

  it('lists what other members share with the set, with their names, open to comments', async () => {
    const device = await deviceOf(facilitator.userId);
    await as(device, priya.userId, () => device.repositories.trials.create({ what: 'Lesson study with the Year 2 team', visibility: 'set' }));
    await as(device, tom.userId, () => device.repositories.trials.create({ what: 'A private plan', visibility: 'private' }));
    const { user } = renderMySet(device);

    const shared = await screen.findByRole('region', { name: 'Shared with the set' });
    const item = (await within(shared).findByText('Lesson study with the Year 2 team')).closest('li')!;
    expect(within(item).getByText('Trial shared by Priya Shah')).toBeInTheDocument();
    expect(within(shared).queryByText('A private plan')).not.toBeInTheDocument();

    await user.type(within(item).getByLabelText('Comment'), 'Could we visit one of the lessons?');
    await user.click(within(item).getByRole('button', { name: 'Add comment' }));
    const comments = await within(item).findByRole('list', { name: 'Comments' });
    expect(within(comments).getByText('Could we visit one of the lessons?')).toBeInTheDocument();
    expect(within(comments).getByText('You')).toBeInTheDocument();
    expect(within(item).getByLabelText('Comment')).toHaveValue('');
  });
});
