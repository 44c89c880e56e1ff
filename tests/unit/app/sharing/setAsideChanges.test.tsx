import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseNameFor } from '../../../../src/app/account/accountStore';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { writeRecordChange } from '../../../../src/app/db/writeRecordChange';
import type { SyncApi } from '../../../../src/app/sync/createSyncApi';
import { pushPendingChanges } from '../../../../src/app/sync/pushPendingChanges';
import { newId } from '../../../../src/domain/ids';
import { renderAccountApp, resetAccountWorld } from '../support/renderAccountApp';

const REASON = 'Only the coach and the participant can change these coaching notes.';
const NOTES = 'We agreed Priya leads the phonics INSET on 3 June.';

/** A server that refuses every change under the sharing rules, as the real one does for notes no longer yours. */
const refusingApi: SyncApi = {
  async push(request) {
    return {
      epoch: 'epoch-1',
      serverTime: Date.now(),
      applied: true,
      rejected: request.mutations.map(({ mutationId, table, recordId }) => ({ mutationId, table, recordId, reason: REASON })),
    };
  },
  pull: () => Promise.reject(new Error('not used')),
  putBlob: () => Promise.reject(new Error('not used')),
  getBlob: () => Promise.reject(new Error('not used')),
};

/** Changes written on this device (signed out), then pushed and refused: they are set aside. */
async function refuseChanges(changes: { table: 'coachingSessions' | 'meetings'; fields: Record<string, unknown> }[]): Promise<void> {
  const db = new SetwiseDatabase(databaseNameFor(null));
  try {
    for (const { table, fields } of changes) await writeRecordChange(db, { table, recordId: newId(), fields, create: true });
    await pushPendingChanges(db, refusingApi, 'device-1');
    expect(await db.setAsideChanges.count()).toBe(changes.length);
  } finally {
    db.close();
  }
}

describe('Changes that could not be saved', () => {
  afterEach(async () => {
    await resetAccountWorld();
  });

  it('lists a refused change with its kind, the reason and the typed text, and Dismiss removes it', async () => {
    await refuseChanges([
      { table: 'coachingSessions', fields: { coachId: 'user-sam', participantId: 'user-priya', heldOn: '2026-05-14', notes: NOTES, nextSteps: '' } },
    ]);
    const { user } = renderAccountApp({ path: '/settings' });

    const section = await screen.findByRole('region', { name: 'Changes that could not be saved' });
    const change = within(section).getByRole('article', { name: 'Coaching notes' });
    expect(within(change).getByText(`Not saved on`, { exact: false })).toHaveTextContent(REASON);
    expect(within(change).getByText(NOTES)).toBeInTheDocument();
    expect(within(change).getByText('Notes')).toBeInTheDocument();

    await user.click(within(change).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Changes that could not be saved' })).not.toBeInTheDocument());

    // A stray tap can be undone.
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('region', { name: 'Changes that could not be saved' })).toBeInTheDocument();
  });

  it('keeps the others when one of several is dismissed', async () => {
    await refuseChanges([
      { table: 'coachingSessions', fields: { coachId: 'user-sam', participantId: 'user-priya', heldOn: '2026-05-14', notes: NOTES } },
      { table: 'meetings', fields: { setId: 'set-oakfield', heldOn: '2026-05-20', notes: 'Apologies from Tom.' } },
    ]);
    const { user } = renderAccountApp({ path: '/settings' });

    const section = await screen.findByRole('region', { name: 'Changes that could not be saved' });
    expect(within(section).getAllByRole('article')).toHaveLength(2);
    await user.click(within(within(section).getByRole('article', { name: 'Coaching notes' })).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(within(section).getAllByRole('article')).toHaveLength(1));
    expect(within(section).getByRole('article', { name: 'Set meeting notes' })).toBeInTheDocument();
    expect(within(section).getByText('Apologies from Tom.')).toBeInTheDocument();
  });

  it('is not shown when nothing was refused', async () => {
    renderAccountApp({ path: '/settings' });
    expect(await screen.findByRole('region', { name: 'Account and sync' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Changes that could not be saved' })).not.toBeInTheDocument();
  });
});
