import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LAST_SYNCED_KEY } from '../../../../src/app/db/repositories/deviceRepository';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { createRepositories } from '../../../../src/app/db/createRepositories';
import { renderAccountApp, resetAccountWorld, writeSignedOut } from '../support/renderAccountApp';

afterEach(resetAccountWorld);

describe('the status line, signed out', () => {
  it('just says "Saved on this device" while nothing was written', async () => {
    renderAccountApp({ path: '/journal' });
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Saved on this device'));
    expect(within(status).queryByRole('link')).not.toBeInTheDocument();
  });

  it('offers "Sign in to sync", leading to Settings, once there is writing to sync', async () => {
    await writeSignedOut(['First thoughts on the challenge.']);
    const { user, location } = renderAccountApp({ path: '/journal' });
    const status = await screen.findByRole('status');
    const link = await within(status).findByRole('link', { name: 'Sign in to sync' });
    expect(status).toHaveTextContent('Saved on this device — Sign in to sync');
    expect(link).toHaveAttribute('href', '/settings');
    await user.click(link);
    expect(location.history?.at(-1)).toBe('/settings');
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('the device repository', () => {
  it('reads the last sync time the sync engine writes', async () => {
    const db = new SetwiseDatabase(`t-${crypto.randomUUID()}`);
    const { device } = createRepositories(db);
    expect(await device.lastSyncedAt()).toBeNull();
    await db.meta.put({ key: LAST_SYNCED_KEY, value: '2026-05-14T09:42:00.000Z' });
    expect(await device.lastSyncedAt()).toBe('2026-05-14T09:42:00.000Z');
    db.close();
  });
});
