import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAccountStore } from '../../../../src/app/account/accountStore';
import type { InvitationSummary } from '../../../../src/domain/sets/cohortApi';
import { coordinatorsDevice, fakeFetch, memberJoined, offlineFetch, renderCohortPage } from './renderCohortPage';

afterEach(() => useAccountStore.setState({ account: null, csrfToken: null, sessionExpired: false }));

async function cohortWithSets() {
  const device = await coordinatorsDevice();
  const cohort = await device.repositories.cohort.createCohort({ name: 'Northfield leaders 2026–27', startsOn: '2026-09-01', endsOn: '2027-07-16' });
  const setA = await device.repositories.cohort.createSet(cohort.id, 'Set A');
  return { ...device, cohort, setA };
}

function summary(fields: Partial<InvitationSummary> & Pick<InvitationSummary, 'id' | 'cohortId'>): InvitationSummary {
  return {
    role: 'participant',
    setId: null,
    coacheeId: null,
    displayName: 'Priya Shah',
    email: 'priya@oakfield.example',
    createdAt: '2026-05-01T09:00:00.000Z',
    expiresAt: '2026-05-15T09:00:00.000Z',
    state: 'pending',
    ...fields,
  };
}

describe('inviting people', () => {
  it('makes an invitation and shows its code large with the full link to copy', async () => {
    const { cohort, setA, repositories } = await cohortWithSets();
    const invitations: InvitationSummary[] = [];
    const fetch = fakeFetch(({ method, path, body }) => {
      if (method === 'GET' && path === `/api/cohorts/${cohort.id}/invitations`) return { status: 200, body: { invitations } };
      if (method === 'POST' && path === '/api/invitations') {
        const invitation = summary({ id: 'inv-1', cohortId: cohort.id, setId: setA.id, expiresAt: '2026-05-28T09:00:00.000Z' });
        invitations.push(invitation);
        return { status: 201, body: { invitation, code: 'K7QM-2XWP-9TRD-HC4B', path: '/join/K7QM-2XWP-9TRD-HC4B', sent: body } };
      }
      return undefined;
    });
    const { user } = renderCohortPage(repositories, { path: `/cohort/${cohort.id}/invitations`, fetch });

    expect(await screen.findByText('No invitations yet.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Invite someone' });
    expect(within(form).getByLabelText('The invitation lasts (days)')).toHaveValue(14);
    await user.click(within(form).getByRole('button', { name: 'Make the invitation' }));
    expect(await within(form).findByText('Enter the name of the person you are inviting.')).toBeInTheDocument();
    expect(within(form).getByText('Choose the set they will join.')).toBeInTheDocument();
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);

    await user.type(within(form).getByLabelText('Their name'), 'Priya Shah');
    await user.type(within(form).getByLabelText('Their email'), 'Priya@Oakfield.example');
    await user.selectOptions(within(form).getByLabelText('The set they will join'), 'Set A');
    await user.click(within(form).getByRole('button', { name: 'Make the invitation' }));

    expect(await screen.findByText('K7QM-2XWP-9TRD-HC4B')).toHaveClass('cohort-created__code');
    const link = `${window.location.origin}/join/K7QM-2XWP-9TRD-HC4B`;
    expect(screen.getByText(link)).toBeInTheDocument();
    expect(screen.getByText(/It works once, until 28 May 2026\./)).toBeInTheDocument();

    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      cohortId: cohort.id,
      role: 'participant',
      setId: setA.id,
      coacheeId: null,
      displayName: 'Priya Shah',
      email: 'priya@oakfield.example',
      expiresInDays: 14,
    });
    expect(new Headers(post?.[1]?.headers).get('x-setwise-csrf')).toBe('csrf-coordinator');

    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(link);

    const list = await screen.findByRole('list', { name: 'Invitations' });
    expect(within(list).getByText('Waiting to be accepted')).toBeInTheDocument();
    expect(within(list).getByText('Participant in Set A · priya@oakfield.example')).toBeInTheDocument();
  });

  it('shows the server’s message when it refuses, keeping what was typed', async () => {
    const { cohort, setA, db, repositories } = await cohortWithSets();
    const offline = { value: false };
    const online = fakeFetch(({ method, path }) => {
      if (method === 'GET' && path.endsWith('/invitations')) return { status: 200, body: { invitations: [] } };
      if (method === 'POST') return { status: 400, body: { error: 'The person to coach must be an active participant in this cohort.', code: 'invalid-request' } };
      return undefined;
    });
    const noConnection = offlineFetch();
    const fetch: typeof globalThis.fetch = (input, init) => (offline.value ? noConnection(input, init) : online(input, init));
    await memberJoined(db, { cohortId: cohort.id, userId: 'user-priya', displayName: 'Priya Shah', setId: setA.id });
    const { user } = renderCohortPage(repositories, { path: `/cohort/${cohort.id}/invitations`, fetch });

    const form = await screen.findByRole('form', { name: 'Invite someone' });
    await user.type(within(form).getByLabelText('Their name'), 'Sam Lee');
    await user.type(within(form).getByLabelText('Their email'), 'sam@oakfield.example');
    await user.click(within(form).getByRole('radio', { name: 'Coach' }));
    await user.selectOptions(within(form).getByLabelText('The participant they will coach'), 'Priya Shah');
    await user.click(within(form).getByRole('button', { name: 'Make the invitation' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('The person to coach must be an active participant in this cohort.');
    expect(within(form).getByLabelText('Their name')).toHaveValue('Sam Lee');

    offline.value = true;
    await user.click(within(form).getByRole('button', { name: 'Make the invitation' }));
    await waitFor(() => expect(within(form).getByRole('alert')).toHaveTextContent(/^You are offline\. Invitations and the overview need a connection/));
    expect(within(form).getByLabelText('Their email')).toHaveValue('sam@oakfield.example');
  });

  it('says so in words when offline, and keeps the form', async () => {
    const { cohort, repositories } = await cohortWithSets();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      renderCohortPage(repositories, { path: `/cohort/${cohort.id}/invitations`, fetch: offlineFetch() });
      expect(await screen.findByText(/^You are offline\. Invitations need a connection to the Setwise server: what you type here stays/)).toBeInTheDocument();
      expect(screen.getByRole('form', { name: 'Invite someone' })).toBeInTheDocument();
      expect(await screen.findByText('The list of invitations needs a connection. It will be here when you are online.')).toBeInTheDocument();
    } finally {
      // Back to jsdom's own (online) answer.
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('lists invitations with their state and cancels a pending one', async () => {
    const { cohort, setA, repositories } = await cohortWithSets();
    const invitations = [
      summary({ id: 'inv-1', cohortId: cohort.id, setId: setA.id }),
      summary({ id: 'inv-2', cohortId: cohort.id, setId: setA.id, displayName: 'Tom Baker', email: 'tom@eastbrook.example', state: 'used' }),
      summary({ id: 'inv-3', cohortId: cohort.id, setId: setA.id, displayName: 'Ruth Evans', email: 'ruth@eastbrook.example', state: 'expired' }),
    ];
    const fetch = fakeFetch(({ method, path }) => {
      if (method === 'GET') return { status: 200, body: { invitations } };
      if (method === 'DELETE' && path === '/api/invitations/inv-1') {
        invitations[0] = { ...invitations[0]!, state: 'cancelled' };
        return { status: 204 };
      }
      return undefined;
    });
    const { user } = renderCohortPage(repositories, { path: `/cohort/${cohort.id}/invitations`, fetch });

    const list = await screen.findByRole('list', { name: 'Invitations' });
    expect(within(list).getByText('Accepted')).toBeInTheDocument();
    expect(within(list).getByText('Expired on 15 May 2026')).toBeInTheDocument();
    expect(within(list).getAllByRole('button', { name: /^Cancel the invitation/ })).toHaveLength(1);
    await user.click(within(list).getByRole('button', { name: 'Cancel the invitation for Priya Shah' }));
    expect(await within(list).findByText('Cancelled')).toBeInTheDocument();
    expect(within(list).queryByRole('button', { name: /^Cancel the invitation/ })).not.toBeInTheDocument();
  });
});

describe('the overview', () => {
  it('shows counts per set and per participant, never anyone’s writing', async () => {
    const { cohort, setA, repositories } = await cohortWithSets();
    const fetch = fakeFetch(({ method, path }) =>
      method === 'GET' && path === `/api/cohorts/${cohort.id}/overview`
        ? {
            status: 200,
            body: {
              cohortId: cohort.id,
              generatedAt: '2026-05-14T09:42:00.000Z',
              sets: [
                { setId: setA.id, name: 'Set A', participants: 6, meetingsHeld: 3, attendanceRate: 0.8333, activeLast30Days: 5 },
                { setId: 'set-b', name: 'Set B', participants: 5, meetingsHeld: 0, attendanceRate: null, activeLast30Days: 2 },
              ],
              participants: [
                { userId: 'user-priya', displayName: 'Priya Shah', setId: setA.id, status: 'active', entries: 42, activeLast30Days: true },
                { userId: 'user-sam', displayName: 'Sam Lee', setId: 'set-b', status: 'withdrawn', entries: 7, activeLast30Days: false },
              ],
            },
          }
        : undefined,
    );
    renderCohortPage(repositories, { path: `/cohort/${cohort.id}/overview`, fetch });

    const sets = await screen.findByRole('table', { name: 'Sets' });
    const setRows = within(sets).getAllByRole('row');
    expect(setRows[1]).toHaveTextContent(/Set A\s*6\s*3\s*83%\s*5/);
    expect(setRows[2]).toHaveTextContent(/Set B\s*5\s*0\s*No meetings marked yet\s*2/);
    const people = screen.getByRole('table', { name: 'Participants' });
    const personRows = within(people).getAllByRole('row');
    expect(personRows[1]).toHaveTextContent(/Priya Shah\s*Set A\s*Active\s*42\s*Yes/);
    expect(personRows[2]).toHaveTextContent(/Sam Lee\s*Set B\s*Withdrawn\s*7\s*No/);
    expect(screen.getByText(/^Counted on 14 May 2026, /)).toBeInTheDocument();
  });

  it('says the overview needs a connection when offline', async () => {
    const { cohort, repositories } = await cohortWithSets();
    renderCohortPage(repositories, { path: `/cohort/${cohort.id}/overview`, fetch: offlineFetch() });
    expect(await screen.findByRole('alert')).toHaveTextContent('The overview needs a connection to the Setwise server. Try again when you are online.');
  });
});
