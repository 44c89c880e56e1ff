import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAccountStore } from '../../../../src/app/account/accountStore';
import { createFakeAccountApi, PRIYA } from '../support/fakeAccountApi';
import { renderAccountApp, resetAccountWorld, signedInAsPriya } from '../support/renderAccountApp';

afterEach(resetAccountWorld);

describe('an expired sign-in', () => {
  it('says the writing is safe, leads from the status line to Settings, and signs in again', async () => {
    const api = createFakeAccountApi();
    await signedInAsPriya(api, ['Notes from the SLT meeting.']);
    // The server forgets the session, and this tab's CSRF token is gone too (as after a reload).
    api.expireSession();
    useAccountStore.setState({ csrfToken: null });
    const { user, location } = renderAccountApp({ api, path: '/journal' });

    // The sync engine finds no session and asks for a sign-in.
    const status = await screen.findByRole('status');
    const link = await within(status).findByRole('link', { name: 'Sign in to sync' });
    await waitFor(() => expect(status).toHaveTextContent('Sign in to sync — 1 change waiting'));
    expect(useAccountStore.getState().sessionExpired).toBe(true);
    await user.click(link);
    expect(location.history?.at(-1)).toBe('/settings');

    const section = await screen.findByRole('region', { name: 'Account and sync' });
    expect(
      within(section).getByText('Your sign-in has expired. Everything you wrote is safe on this device; sign in again to sync.'),
    ).toBeInTheDocument();
    expect(within(section).getByLabelText('Email')).toHaveValue(PRIYA.email);
    await user.type(within(section).getByLabelText('Password'), PRIYA.password);
    await user.click(within(section).getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Signed in as Priya Shah.')).toBeInTheDocument();
    expect(useAccountStore.getState().sessionExpired).toBe(false);
    expect(await screen.findByText('1 change')).toBeInTheDocument();
  });
});
