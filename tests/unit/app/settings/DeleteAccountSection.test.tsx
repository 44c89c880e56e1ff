// Settings → "Delete my account and data": said plainly, confirmed by typing the phrase, then
// the server deletes the account and this device signs out and removes its copy.
import { screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseNameFor, useAccountStore } from '../../../../src/app/account/accountStore';
import { createFakeAccountApi } from '../support/fakeAccountApi';
import { renderAccountApp, resetAccountWorld, signedInAsPriya } from '../support/renderAccountApp';

afterEach(resetAccountWorld);

const DELETED = { deleted: true, records: 3, coachingSessions: 0, roundsCleared: 1, membershipsWithdrawn: 1 };

/** The server for the delete call only (sync's own requests stay offline); records what was sent. */
function answerDelete(view: ReturnType<typeof renderAccountApp>, status: number, body: unknown) {
  const sent: { headers: Record<string, string>; body: unknown }[] = [];
  view.fetch.mockImplementation(async (input, init) => {
    if (String(input) !== '/api/account/delete') throw new TypeError('Failed to fetch');
    sent.push({ headers: init?.headers as Record<string, string>, body: JSON.parse(String(init?.body)) });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}

async function openDelete(view: ReturnType<typeof renderAccountApp>) {
  const section = await screen.findByRole('region', { name: 'Delete my account and data' });
  await view.user.click(within(section).getByRole('button', { name: 'Delete my account and data…' }));
  return { section, form: within(section).getByRole('form', { name: 'Delete my account and data' }) };
}

describe('Delete my account and data (Settings)', () => {
  it('is not offered signed out: there is no account to delete', async () => {
    renderAccountApp();
    expect(await screen.findByRole('region', { name: 'Account and sync' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Delete my account and data' })).not.toBeInTheDocument();
  });

  it('explains what goes, asks for the phrase, deletes on the server and removes this device’s copy', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api, ['A private worry.']);
    const view = renderAccountApp({ api });
    const sent = answerDelete(view, 200, DELETED);
    const { section, form } = await openDelete(view);

    expect(within(section).getByText(/This device’s copy is removed too, and you are signed out\. This cannot be undone/)).toBeInTheDocument();
    expect(within(section).getByText(/with your name replaced by “Former member”/)).toBeInTheDocument();
    const submit = within(form).getByRole('button', { name: 'Delete my account and data' });
    expect(submit).toBeDisabled();
    const phrase = within(form).getByRole('textbox', { name: 'To confirm, type “delete my account”' });
    await view.user.type(phrase, 'delete my');
    expect(submit).toBeDisabled();
    await view.user.type(phrase, ' Account ');
    expect(submit).toBeEnabled();
    const checkbox = within(form).getByRole('checkbox', { name: 'Also remove what I added to my set’s meeting notes' });
    expect(checkbox).not.toBeChecked();
    await view.user.click(checkbox);
    await view.user.click(submit);

    expect(await screen.findByText('Your account and everything you wrote have been deleted, from the server and from this device.')).toBeInTheDocument();
    expect(sent).toEqual([{ headers: expect.objectContaining({ 'x-setwise-csrf': 'csrf-1' }), body: { confirm: 'delete my account', removeMyMeetingAdditions: true } }]);
    expect(useAccountStore.getState().account).toBeNull();
    await waitFor(async () => expect(await Dexie.exists(databaseNameFor(account))).toBe(false));
    expect(screen.queryByRole('region', { name: 'Delete my account and data' })).not.toBeInTheDocument();
  });

  it('says why when the server refuses, and keeps everything', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api);
    const view = renderAccountApp({ api });
    const refusal = 'You are the only coordinator of “Northfield leaders”. Add another coordinator to the cohort first, so it is not left without one.';
    const sent = answerDelete(view, 409, { error: refusal, code: 'sole-coordinator' });
    const { form } = await openDelete(view);
    await view.user.type(within(form).getByRole('textbox', { name: /^To confirm/ }), 'delete my account');
    await view.user.click(within(form).getByRole('button', { name: 'Delete my account and data' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(refusal);
    expect(sent[0]?.body).toEqual({ confirm: 'delete my account', removeMyMeetingAdditions: false });
    expect(useAccountStore.getState().account).not.toBeNull();
    expect(await Dexie.exists(databaseNameFor(account))).toBe(true);
    expect(within(form).getByRole('button', { name: 'Delete my account and data' })).toBeEnabled();
  });

  it('deletes nothing offline', async () => {
    const api = createFakeAccountApi();
    await signedInAsPriya(api);
    const view = renderAccountApp({ api });
    const { form } = await openDelete(view);
    await view.user.type(within(form).getByRole('textbox', { name: /^To confirm/ }), 'delete my account');
    await view.user.click(within(form).getByRole('button', { name: 'Delete my account and data' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('No connection to the Setwise server. Nothing has been deleted; try again when you are online.');
    expect(useAccountStore.getState().account).not.toBeNull();
  });
});
