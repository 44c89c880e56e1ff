// Settings → "Restore from a backup": choose the file, see what it holds, restore it in one step.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { RestoreSection } from '../../../../src/app/settings/RestoreSection';
import { renderInApp, type AppHarness } from '../../support/renderInApp';

const base = { updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null, clocks: {} };
let app: AppHarness;
let source: SetwiseDatabase;

afterEach(async () => {
  await app.dispose();
  await source.delete();
});

/** Priya's backup, made on her old tablet: two entries (one deleted), her challenge, her round. */
async function priyasBackup(): Promise<File> {
  source = new SetwiseDatabase(`source-${crypto.randomUUID()}`);
  const repositories = createRepositories(source);
  await source.meta.put({ key: 'owner', value: 'priya' });
  await source.memberships.put({
    ...base, id: 'm-priya', owner: 'coordinator', createdAt: '2026-01-01T09:00:00.000Z', cohortId: 'cohort-1', userId: 'priya',
    displayName: 'Priya Shah', role: 'participant', setId: 'set-a', coacheeId: null, status: 'active', withdrawnOn: null,
  });
  await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Phonics groups started' });
  const gone = await repositories.logEntries.create({ occurredAt: '2026-05-15T08:00:00.000Z', body: 'Deleted later' });
  await repositories.logEntries.remove(gone.id);
  await repositories.challenge.save({ focus: 'Improving the quality of teaching', issue: 'Phonics in KS1' });
  await source.meetingRounds.put({
    ...base, id: 'round-priya', owner: 'facilitator', createdAt: '2026-03-10T15:01:00.000Z', meetingId: 'meeting-1', setId: 'set-a', presenterId: 'priya',
    position: 0, update: 'Phonics groups started', questions: '', suggestions: '', memberNotes: '',
  });
  const blob = await repositories.writingExport.buildExport(new Date(2026, 10, 23, 10, 15));
  return new File([await blob.text()], 'setwise-priya-shah-2026-11-23.json', { type: 'application/json' });
}

describe('Restore from a backup (Settings)', () => {
  it('shows what the backup holds and restores it, as the writing of whoever is here', async () => {
    const file = await priyasBackup();
    app = renderInApp(() => <RestoreSection />);
    await app.db.meta.put({ key: 'owner', value: 'priya-new-account' });
    const user = userEvent.setup();
    const section = screen.getByRole('region', { name: 'Restore from a backup' });

    await user.upload(within(section).getByLabelText('Choose a backup file'), file);

    expect(
      await within(section).findByText(
        'A backup of Priya Shah, made 23 November 2026, 10:15: 1 entry, 1 challenge, 1 saved version of the challenge, and 1 deleted item kept as history.',
      ),
    ).toBeInTheDocument();
    expect(within(section).getByText(/Your rounds, actions and coaching notes in it \(1\) stay in the file to read/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Restore 4 items' }));

    expect(await within(section).findByText('Restored 4 items: 4 new on this device, 0 brought up to date, none already here.')).toBeInTheDocument();
    const entries = await app.repositories.logEntries.list();
    expect(entries.map((entry) => [entry.body, entry.owner])).toEqual([['Phonics groups started', 'priya-new-account']]);
    expect(await app.db.meetingRounds.count()).toBe(0);
    expect(await app.repositories.device.pendingChangeCount()).toBe(4);

    // The same file again: everything is already here.
    await user.upload(within(section).getByLabelText('Choose a backup file'), file);
    await user.click(await within(section).findByRole('button', { name: 'Restore 4 items' }));
    expect(await within(section).findByText('Restored 4 items: 0 new on this device, 0 brought up to date, 4 already here.')).toBeInTheDocument();
  });

  it('says plainly when a file is not a backup, or is from a newer Setwise', async () => {
    source = new SetwiseDatabase(`source-${crypto.randomUUID()}`);
    app = renderInApp(() => <RestoreSection />);
    const user = userEvent.setup();
    const section = screen.getByRole('region', { name: 'Restore from a backup' });

    await user.upload(within(section).getByLabelText('Choose a backup file'), new File(['a shopping list'], 'list.json', { type: 'application/json' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('This is not a Setwise backup.');

    const newer = JSON.stringify({ format: 'setwise-export', version: 99, exportedAt: '2030-01-01T00:00:00.000Z' });
    await user.upload(within(section).getByLabelText('Choose a backup file'), new File([newer], 'new.json', { type: 'application/json' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('This backup was made by a newer version of Setwise — update first.');
    expect(within(section).queryByRole('button', { name: /^Restore/ })).not.toBeInTheDocument();
  });
});
