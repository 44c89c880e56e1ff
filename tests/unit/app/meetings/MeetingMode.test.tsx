import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useMeetingMode } from '../../../../src/app/meetings/meetingModeStore';
import { useToastStore } from '../../../../src/app/ui/toastStore';
import { deviceOf, renderMySet, type SetDevice } from './renderMySet';
import { PEOPLE, SET_ID } from './seedSet';

const { facilitator, aisha } = PEOPLE;

async function openMeetingMode(device: SetDevice) {
  const meeting = await device.repositories.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14', place: 'Oakfield Primary library' });
  const view = renderMySet(device, `/set/meetings/${meeting.id}/run`);
  await screen.findByRole('heading', { name: 'Check-in', level: 2 });
  return { meeting, ...view };
}

const clock = () => screen.getByRole('timer', { name: 'Time left' });
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('Meeting mode', () => {
  beforeEach(() => {
    sessionStorage.clear();
    useMeetingMode.getState().clear();
    useToastStore.setState({ toast: null });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the rounds one presenter at a time with a countdown the facilitator sets', async () => {
    const device = await deviceOf(facilitator.userId);
    const { user, meeting } = await openMeetingMode(device);

    await user.click(screen.getByRole('button', { name: 'Start the rounds →' }));
    expect(await screen.findByRole('heading', { name: 'Aisha Khan', level: 2 })).toBeInTheDocument();
    expect(screen.getByText('Questions first — suggestions only when the presenter invites them')).toBeInTheDocument();
    expect(clock()).toHaveTextContent('20:00');
    await waitFor(async () => expect((await device.repositories.meetings.getMeeting(meeting.id))!.stage).toBe('rounds'));

    await user.click(screen.getByText('Change the time (20 minutes)'));
    const minutes = screen.getByLabelText('Minutes for each presenter');
    await user.clear(minutes);
    await user.type(minutes, '10');
    await waitFor(() => expect(clock()).toHaveTextContent('10:00'));
    expect((await device.repositories.meetings.getMeeting(meeting.id))!.roundMinutes).toBe(10);

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    fireEvent.click(screen.getByRole('button', { name: 'Start the timer' }));
    advance(90_000);
    expect(clock()).toHaveTextContent('8:30');

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    advance(60_000);
    expect(clock()).toHaveTextContent('8:30');

    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(clock()).toHaveTextContent('10:00');
    expect(screen.getByRole('button', { name: 'Start the timer' })).toBeInTheDocument();
  });

  it('keeps a presenter’s timer running while the facilitator moves to another step and back', async () => {
    const device = await deviceOf(facilitator.userId);
    await openMeetingMode(device);
    fireEvent.click(screen.getByRole('button', { name: 'Start the rounds →' }));
    await screen.findByRole('heading', { name: 'Aisha Khan', level: 2 });

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    fireEvent.click(screen.getByRole('button', { name: 'Start the timer' }));
    advance(30_000);
    fireEvent.click(screen.getByRole('button', { name: 'Next presenter →' }));
    expect(screen.getByRole('heading', { name: 'Priya Shah', level: 2 })).toBeInTheDocument();
    expect(clock()).toHaveTextContent('20:00');
    advance(30_000);
    fireEvent.click(screen.getByRole('button', { name: '← Previous presenter' }));
    advance(1_000);
    expect(screen.getByRole('heading', { name: 'Aisha Khan', level: 2 })).toBeInTheDocument();
    expect(clock()).toHaveTextContent('18:59');
  });

  it('reveals suggestions only when invited, captures actions inline, reads them back and closes', async () => {
    const device = await deviceOf(facilitator.userId);
    const { user, meeting } = await openMeetingMode(device);
    await user.click(screen.getByRole('button', { name: 'Start the rounds →' }));
    await screen.findByRole('heading', { name: 'Aisha Khan', level: 2 });

    expect(screen.queryByLabelText('Suggestions')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Presenter invites suggestions' }));
    expect(screen.getByRole('button', { name: 'Presenter invites suggestions' })).toHaveAttribute('aria-pressed', 'true');
    await user.type(screen.getByLabelText('Suggestions'), 'Try a staff voice survey.');

    await user.type(screen.getByLabelText('New action'), 'Meet the SENCO about Year 3');
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    expect(await screen.findByText('Meet the SENCO about Year 3')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Commitments' }));
    const table = await screen.findByRole('table', { name: 'Actions agreed at this meeting' });
    const row = within(table).getByRole('row', { name: /Meet the SENCO about Year 3/ });
    expect(within(row).getByText('Aisha Khan')).toBeInTheDocument();
    expect(within(row).getByText('No date set')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close the meeting' }));
    expect(await screen.findByRole('heading', { name: 'Meeting closed' })).toBeInTheDocument();
    await waitFor(async () => expect((await device.repositories.meetings.getMeeting(meeting.id))!.stage).toBe('closed'));
    const round = (await device.repositories.meetings.listRounds(meeting.id)).find((r) => r.presenterId === aisha.userId)!;
    expect(round.suggestions).toBe('Try a staff voice survey.');
  });
});
