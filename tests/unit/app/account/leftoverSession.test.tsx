import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAccountStore } from '../../../../src/app/account/accountStore';
import { LEFTOVER_SESSION_KEY } from '../../../../src/app/account/endLeftoverSession';
import { createFakeAccountApi, PRIYA } from '../support/fakeAccountApi';
import { renderAccountApp, resetAccountWorld, signedInAsPriya } from '../support/renderAccountApp';

afterEach(resetAccountWorld);

describe('a sign-out that could not reach the server', () => {
  it('ends the session left behind as soon as the server can be reached', async () => {
    const api = createFakeAccountApi();
    await signedInAsPriya(api);
    const view = renderAccountApp({ api });
    const section = await screen.findByRole('region', { name: 'Account and sync' });
    api.offline = true;
    await view.user.click(within(section).getByRole('button', { name: 'Sign out' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign out on this device?' });
    await view.user.click(within(dialog).getByRole('radio', { name: 'Remove my writing from this device (shared tablet)' }));
    await view.user.click(await within(dialog).findByRole('button', { name: 'Sign out and remove my writing' }));

    // The screens open afresh, signed out.
    await screen.findByRole('button', { name: 'Sign in' });
    expect(useAccountStore.getState().account).toBeNull();
    expect(api.signOuts).toEqual([]);
    expect(localStorage.getItem(LEFTOVER_SESSION_KEY)).toBe('1');

    api.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(api.signOuts).toHaveLength(1));
    expect(await api.session()).toBeNull();
    expect(localStorage.getItem(LEFTOVER_SESSION_KEY)).toBeNull();
  });

  it('never ends the session of the next person to sign in', async () => {
    const api = createFakeAccountApi();
    localStorage.setItem(LEFTOVER_SESSION_KEY, '1');
    const view = renderAccountApp({ api, path: '/settings' });
    const section = await screen.findByRole('region', { name: 'Account and sync' });
    // The marker was dealt with on start: the fake server had no session to end.
    await waitFor(() => expect(localStorage.getItem(LEFTOVER_SESSION_KEY)).toBeNull());

    localStorage.setItem(LEFTOVER_SESSION_KEY, '1');
    await view.user.type(within(section).getByLabelText('Email'), PRIYA.email);
    await view.user.type(within(section).getByLabelText('Password'), PRIYA.password);
    await view.user.click(within(section).getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in as Priya Shah.')).toBeInTheDocument();
    expect(localStorage.getItem(LEFTOVER_SESSION_KEY)).toBeNull();
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.signOuts).toEqual([]);
    expect(await api.session()).not.toBeNull();
  });
});
