import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountScope } from '../../../../src/app/account/AccountScope';
import { useAccountStore } from '../../../../src/app/account/accountStore';
import { createCohortApi } from '../../../../src/app/cohort/cohortApi';
import { CohortApiProvider } from '../../../../src/app/cohort/CohortApiContext';
import { JoinPage } from '../../../../src/app/cohort/JoinPage';
import { ToastHost } from '../../../../src/app/ui/ToastHost';
import { useToastStore } from '../../../../src/app/ui/toastStore';
import type { InvitationPreview } from '../../../../src/domain/sets/cohortApi';
import { createFakeAccountApi, PRIYA, type FakeAccountApi } from '../support/fakeAccountApi';
import { resetAccountWorld, signedInAsPriya } from '../support/renderAccountApp';
import { fakeFetch, type FakeRoute } from './renderCohortPage';

afterEach(async () => {
  useToastStore.setState({ toast: null });
  await resetAccountWorld();
});

const CODE = 'K7QM-2XWP-9TRD-HC4B';
const PREVIEW: InvitationPreview = {
  cohortName: 'Northfield leaders 2026–27',
  setName: 'Set A',
  coacheeName: null,
  role: 'participant',
  displayName: 'Priya Shah',
  email: 'priya@oakfield.example',
  expiresAt: '2026-05-14T12:00:00.000Z',
};

/** The app as AppRoot wires it (per-account database, sync engine when signed in) around the join page. */
function renderJoin(path: string, route: FakeRoute, accountApi: FakeAccountApi = createFakeAccountApi()) {
  // The sync engine's own requests: no network in these tests.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );
  const cohortFetch = fakeFetch(route);
  const location = memoryLocation({ path, record: true });
  const user = userEvent.setup();
  render(
    <Router hook={location.hook}>
      <AccountScope accountApi={accountApi}>
        <CohortApiProvider api={createCohortApi({ fetch: cohortFetch })}>
          <Switch>
            <Route path="/join/:code" component={JoinPage} />
            <Route path="/join" component={JoinPage} />
            <Route path="/">
              <p>Today</p>
            </Route>
          </Switch>
        </CohortApiProvider>
        <ToastHost />
      </AccountScope>
    </Router>,
  );
  return { user, location, cohortFetch };
}

const previewRoute =
  (answer: { status: number; body: unknown }): FakeRoute =>
  ({ method, path }) =>
    method === 'GET' && path === `/api/invitations/preview?code=${encodeURIComponent(CODE)}` ? answer : undefined;

describe('joining from an invitation', () => {
  it('shows what the invitation is for, then makes the account and signs in on this device', async () => {
    const session = { user: { id: 'user-priya-new', email: PREVIEW.email, displayName: 'Priya Shah', roles: ['participant'] }, csrfToken: 'csrf-new' };
    const { user, location, cohortFetch } = renderJoin(`/join/${CODE}`, (request) =>
      request.method === 'POST' && request.path === '/api/invitations/accept' ? { status: 201, body: session } : previewRoute({ status: 200, body: PREVIEW })(request),
    );

    expect(
      await screen.findByText("Priya Shah — you're invited to join Set A of Northfield leaders 2026–27 as a participant."),
    ).toBeInTheDocument();
    expect(screen.getByText('This invitation expires on 14 May 2026.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Make your account' })).toBeInTheDocument();
    expect(screen.getByLabelText('Your name')).toHaveValue('Priya Shah');
    expect(screen.getByLabelText('Email')).toHaveValue('priya@oakfield.example');

    await user.type(screen.getByLabelText('Password'), 'too short');
    await user.click(screen.getByRole('button', { name: 'Make my account and join' }));
    expect(await screen.findByText('Use a password of at least 10 characters.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Password'), ' but now long enough');
    await user.click(screen.getByRole('button', { name: 'Make my account and join' }));

    await waitFor(() => expect(location.history.at(-1)).toBe('/'));
    expect(useAccountStore.getState()).toMatchObject({
      account: { userId: 'user-priya-new', email: PREVIEW.email, displayName: 'Priya Shah' },
      csrfToken: 'csrf-new',
    });
    const accept = cohortFetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(accept?.[1]?.body))).toEqual({
      code: CODE,
      role: 'participant',
      displayName: 'Priya Shah',
      email: 'priya@oakfield.example',
      password: 'too short but now long enough',
    });
    expect(await screen.findByText(/^You have joined Set A of Northfield leaders 2026–27\./)).toBeInTheDocument();
  });

  it('says plainly when the invitation has expired, and offers to type another code', async () => {
    renderJoin(
      `/join/${CODE}`,
      previewRoute({
        status: 410,
        body: { error: 'This invitation expired on 14 May 2026. Ask your coordinator for a new one.', code: 'invitation-expired' },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation expired on 14 May 2026. Ask your coordinator for a new one.');
    expect(screen.getByRole('heading', { name: 'This invitation cannot be used' })).toBeInTheDocument();
    expect(screen.getByLabelText('Invitation code')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Make your account' })).not.toBeInTheDocument();
  });

  it('passes on the server’s refusal of a new account (email already has one) with the way on', async () => {
    const { user } = renderJoin(`/join/${CODE}`, (request) =>
      request.method === 'POST'
        ? {
            status: 409,
            body: { error: 'There is already an account for this email. Sign in first, then open the invitation again.', code: 'invitation-email-taken' },
          }
        : previewRoute({ status: 200, body: PREVIEW })(request),
    );
    await user.type(await screen.findByLabelText('Password'), 'a sensible passphrase');
    await user.click(screen.getByRole('button', { name: 'Make my account and join' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('There is already an account for this email.');
    expect(screen.getByRole('link', { name: 'Sign in in Settings' })).toHaveAttribute('href', '/settings');
    expect(useAccountStore.getState().account).toBeNull();
  });

  it('joins with the account already signed in here, sending the role shown and the CSRF token', async () => {
    const accountApi = createFakeAccountApi();
    await signedInAsPriya(accountApi);
    const { user, location, cohortFetch } = renderJoin(
      `/join/${CODE}`,
      (request) =>
        request.method === 'POST' && request.path === '/api/invitations/accept-signed-in'
          ? { status: 201, body: { joined: true } }
          : previewRoute({ status: 200, body: { ...PREVIEW, role: 'facilitator', email: PRIYA.email } })(request),
      accountApi,
    );

    expect(await screen.findByText(/you're invited to join Set A of Northfield leaders 2026–27 as a facilitator\./)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Make your account' })).not.toBeInTheDocument();
    expect(screen.getByText(/You are signed in on this device as/)).toHaveTextContent(`Priya Shah (${PRIYA.email})`);
    await user.click(screen.getByRole('button', { name: 'Join with this account' }));

    await waitFor(() => expect(location.history.at(-1)).toBe('/'));
    const accept = cohortFetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(accept?.[1]?.body))).toEqual({ code: CODE, role: 'facilitator' });
    expect(new Headers(accept?.[1]?.headers).get('x-setwise-csrf')).toBe(useAccountStore.getState().csrfToken);
    expect(await screen.findByText(/^You have joined Set A of Northfield leaders 2026–27\./)).toBeInTheDocument();
  });

  it('takes a typed code at /join, forgiving case and spaces', async () => {
    const { user, location } = renderJoin('/join', previewRoute({ status: 200, body: PREVIEW }));
    const field = await screen.findByLabelText('Invitation code');
    await user.type(field, 'k7qm 2xwp');
    await user.click(screen.getByRole('button', { name: 'Open the invitation' }));
    expect(await screen.findByText(/^Codes have 16 letters and numbers/)).toBeInTheDocument();

    await user.type(field, ' 9trd hc4b');
    await user.click(screen.getByRole('button', { name: 'Open the invitation' }));
    await waitFor(() => expect(location.history.at(-1)).toBe(`/join/${CODE}`));
    expect(await screen.findByText(/you're invited to join Set A/)).toBeInTheDocument();
  });
});
