import { screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseNameFor, useAccountStore } from '../../../../src/app/account/accountStore';
import { BAD_CREDENTIALS, createFakeAccountApi, PRIYA, TOO_MANY_ATTEMPTS } from '../support/fakeAccountApi';
import { renderAccountApp, resetAccountWorld, withDatabase, writeSignedOut } from '../support/renderAccountApp';

afterEach(resetAccountWorld);

const accountSection = () => screen.findByRole('region', { name: 'Account and sync' });

describe('signing in from Settings', () => {
  it('switches to the account and says the writing already on this device is now theirs', async () => {
    await writeSignedOut(['Walked the KS1 corridor with the SENCO.', 'Agreed reading buddies with Year 5.']);
    const { user, fetch } = renderAccountApp();

    const section = await accountSection();
    expect(within(section).getByText(/^Everything you write is saved on this device; sign in/)).toBeInTheDocument();
    await user.type(within(section).getByLabelText('Email'), PRIYA.email);
    await user.type(within(section).getByLabelText('Password'), PRIYA.password);
    await user.click(within(section).getByRole('button', { name: 'Sign in' }));

    const notice = await screen.findByText('Signed in as Priya Shah — 2 entries written on this device are now yours and will sync.');
    await waitFor(() => expect(notice).toHaveFocus());
    const account = useAccountStore.getState().account;
    expect(account).toMatchObject({ userId: PRIYA.id, email: PRIYA.email, displayName: 'Priya Shah' });

    const signedIn = await accountSection();
    expect(within(signedIn).getByText('Priya Shah')).toBeInTheDocument();
    expect(within(signedIn).getByText(`(${PRIYA.email})`)).toBeInTheDocument();
    expect(await within(signedIn).findByText('2 changes')).toBeInTheDocument();
    expect(await within(signedIn).findByText('Not yet')).toBeInTheDocument();
    expect(await withDatabase(databaseNameFor(account), async (repositories) => (await repositories.logEntries.list()).length)).toBe(2);
    expect(await Dexie.exists(databaseNameFor(null))).toBe(false);

    // "Sync now" asks the engine for a round at once (here the network is down, so it fails).
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const before = fetch.mock.calls.length;
    await user.click(within(signedIn).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(fetch.mock.calls.length).toBeGreaterThan(before));
    expect(String(fetch.mock.calls.at(-1)?.[0])).toMatch(/^\/api\/sync\//);
  });

  it('shows a wrong password inline and keeps the email typed', async () => {
    const { user } = renderAccountApp();
    const section = await accountSection();
    await user.type(within(section).getByLabelText('Email'), PRIYA.email);
    await user.type(within(section).getByLabelText('Password'), 'not the passphrase');
    await user.click(within(section).getByRole('button', { name: 'Sign in' }));

    expect(await within(section).findByRole('alert')).toHaveTextContent(BAD_CREDENTIALS);
    expect(within(section).getByLabelText('Email')).toHaveValue(PRIYA.email);
    expect(within(section).getByLabelText('Password')).toHaveValue('');
    expect(within(section).getByLabelText('Password')).toHaveFocus();
    expect(useAccountStore.getState().account).toBeNull();
  });

  it('says what to fix before asking the server, and passes on its refusals and being offline', async () => {
    const api = createFakeAccountApi();
    const { user } = renderAccountApp({ api });
    const section = await accountSection();
    const signIn = within(section).getByRole('button', { name: 'Sign in' });

    await user.click(signIn);
    expect(await within(section).findByText('Enter your email address.')).toBeInTheDocument();
    expect(within(section).getByText('Enter your password.')).toBeInTheDocument();

    await user.type(within(section).getByLabelText('Email'), PRIYA.email);
    await user.type(within(section).getByLabelText('Password'), PRIYA.password);
    api.rateLimited = true;
    await user.click(signIn);
    expect(await within(section).findByText(TOO_MANY_ATTEMPTS)).toBeInTheDocument();

    api.rateLimited = false;
    api.offline = true;
    await user.click(signIn);
    expect(await within(section).findByText(/^No connection to the Setwise server\. Your writing stays on this device/)).toBeInTheDocument();
    expect(within(section).getByLabelText('Password')).toHaveValue(PRIYA.password);
    expect(useAccountStore.getState().account).toBeNull();
  });

  it('offers first-run setup on a new server and signs the new coordinator in', async () => {
    const api = createFakeAccountApi({ users: [] });
    const { user } = renderAccountApp({ api });
    const section = await accountSection();
    const setUp = await within(section).findByRole('button', { name: 'Set up Setwise' });

    await user.type(within(section).getByLabelText('Your name'), 'Priya Shah');
    await user.type(within(section).getByLabelText('Email'), 'priya@oakfield.example');
    await user.type(within(section).getByLabelText('Password'), 'too short');
    await user.click(setUp);
    expect(await within(section).findByText('Use a password of at least 10 characters.')).toBeInTheDocument();
    expect(api.users).toHaveLength(0);

    await user.type(within(section).getByLabelText('Password'), ' but now long enough');
    await user.click(setUp);
    expect(await screen.findByText('Signed in as Priya Shah.')).toBeInTheDocument();
    expect(useAccountStore.getState().account).toMatchObject({ email: 'priya@oakfield.example', displayName: 'Priya Shah' });
    expect(api.users).toHaveLength(1);
  });
});
