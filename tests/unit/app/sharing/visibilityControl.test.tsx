import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { JournalPage } from '../../../../src/app/journal/JournalPage';
import { TrialsPage } from '../../../../src/app/trials/TrialsPage';
import { renderInApp, type AppHarness } from '../../support/renderInApp';
import { actAs, PRIYA, SAM, seedPriyasSetAndCoach } from './seedPeople';

let app: AppHarness | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

/** Priya's journal, on her device, with her set and coach known to it and one saved entry. */
async function openPriyasEntry(): Promise<{ app: AppHarness; id: string }> {
  const harness = renderInApp(
    () => (
      <Route path="/journal" nest>
        <JournalPage />
      </Route>
    ),
    { path: '/journal' },
  );
  app = harness;
  await actAs(harness.db, PRIYA);
  await seedPriyasSetAndCoach(harness.db);
  const entry = await harness.repositories.logEntries.create({
    occurredAt: '2026-05-14T08:00:00.000Z',
    body: 'Learning walk in Year 1: phonics groups were calmer.',
  });
  harness.location.navigate(`/journal/${entry.id}`);
  return { app: harness, id: entry.id };
}

describe('Who can see an item', () => {
  it('shows "Only you" for an entry, and shares it with the set only after two deliberate steps', async () => {
    const { app, id } = await openPriyasEntry();
    const editor = await screen.findByRole('form', { name: 'Edit entry' });
    await waitFor(() => expect(within(editor).getByText('Only you can see this')).toBeInTheDocument());

    // Step one opens the choice; choosing alone changes nothing.
    await userEvent.click(await within(editor).findByRole('button', { name: 'Change who can see this' }));
    const choice = within(editor).getByRole('group', { name: 'Who can see this?' });
    expect(within(choice).getByRole('radio', { name: 'Only you' })).toBeChecked();
    expect(within(choice).getByRole('radio', { name: 'You and your coach (Sam Lee)' })).toBeInTheDocument();
    expect(within(choice).getByRole('radio', { name: 'Your set (6 people) and your coach (Sam Lee)' })).toBeInTheDocument();
    await userEvent.click(within(choice).getByRole('radio', { name: 'Your set (6 people)' }));
    expect((await app.repositories.logEntries.get(id))?.visibility).toBe('private');
    expect(within(editor).getByText('Only you can see this')).toBeInTheDocument();

    // Step two confirms.
    await userEvent.click(within(choice).getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(within(editor).getByText('Your set (6 people) can see this')).toBeInTheDocument());
    expect((await app.repositories.logEntries.get(id))?.visibility).toBe('set');
    expect(within(editor).queryByRole('group', { name: 'Who can see this?' })).not.toBeInTheDocument();
    expect(within(editor).getByRole('button', { name: 'Change who can see this' })).toHaveFocus();
  });

  it('changes nothing on Cancel, and makes a shared entry private again with "Make private"', async () => {
    const { app, id } = await openPriyasEntry();
    await app.repositories.logEntries.setVisibility(id, 'set_and_coach');
    const editor = await screen.findByRole('form', { name: 'Edit entry' });
    await waitFor(() => expect(within(editor).getByText('Your set (6 people) and your coach (Sam Lee) can see this')).toBeInTheDocument());

    await userEvent.click(await within(editor).findByRole('button', { name: 'Change who can see this' }));
    await userEvent.click(within(editor).getByRole('radio', { name: 'Only you' }));
    await userEvent.click(within(editor).getByRole('button', { name: 'Cancel' }));
    expect((await app.repositories.logEntries.get(id))?.visibility).toBe('set_and_coach');

    await userEvent.click(within(editor).getByRole('button', { name: 'Change who can see this' }));
    await userEvent.click(within(editor).getByRole('radio', { name: 'Only you' }));
    await userEvent.click(within(editor).getByRole('button', { name: 'Make private' }));
    await waitFor(() => expect(within(editor).getByText('Only you can see this')).toBeInTheDocument());
    expect((await app.repositories.logEntries.get(id))?.visibility).toBe('private');
  });

  it('writes the visibility field alone, so nothing else on the entry is re-stamped', async () => {
    const { app, id } = await openPriyasEntry();
    const before = await app.repositories.logEntries.get(id);
    await app.db.outbox.clear();
    await app.repositories.logEntries.setVisibility(id, 'coach');
    const rows = await app.db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.fields).toEqual({ visibility: 'coach' });
    const after = await app.repositories.logEntries.get(id);
    expect(after?.clocks.body).toBe(before?.clocks.body);
    // Choosing what is already chosen writes nothing.
    await app.repositories.logEntries.setVisibility(id, 'coach');
    expect(await app.db.outbox.count()).toBe(1);
  });

  it('lets a trial be shared with the coach, and keeps the choice after a reload', async () => {
    const harness = renderInApp(
      () => (
        <Route path="/trials" nest>
          <TrialsPage />
        </Route>
      ),
      { path: '/trials' },
    );
    app = harness;
    await actAs(harness.db, PRIYA);
    await seedPriyasSetAndCoach(harness.db);
    const trial = await harness.repositories.trials.create({ what: 'Lesson study in KS1' });
    harness.location.navigate(`/trials/${trial.id}`);

    const detail = await screen.findByRole('region', { name: 'Lesson study in KS1' });
    await waitFor(() => expect(within(detail).getByText('Only you can see this')).toBeInTheDocument());
    await userEvent.click(await within(detail).findByRole('button', { name: 'Change who can see this' }));
    await userEvent.click(within(detail).getByRole('radio', { name: 'You and your coach (Sam Lee)' }));
    await userEvent.click(within(detail).getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(within(detail).getByText('You and your coach (Sam Lee) can see this')).toBeInTheDocument());

    harness.reload();
    const reloaded = await screen.findByRole('region', { name: 'Lesson study in KS1' });
    await waitFor(() => expect(within(reloaded).getByText('You and your coach (Sam Lee) can see this')).toBeInTheDocument());
  });

  it('shows someone else’s shared item read-only, with no way to re-share it', async () => {
    const { app, id } = await openPriyasEntry();
    await app.repositories.logEntries.setVisibility(id, 'coach');
    await actAs(app.db, SAM);
    const editor = await screen.findByRole('form', { name: 'Edit entry' });
    await waitFor(() => expect(within(editor).getByText('Shared with you')).toBeInTheDocument());
    expect(within(editor).queryByRole('button', { name: 'Change who can see this' })).not.toBeInTheDocument();
    await expect(app.repositories.logEntries.setVisibility(id, 'set')).rejects.toThrow(/only its author/);
  });

  it('counts only the set members on this device, and says when there is no set yet', async () => {
    const { app } = await openPriyasEntry();
    await app.db.memberships.clear();
    const editor = await screen.findByRole('form', { name: 'Edit entry' });
    await userEvent.click(await within(editor).findByRole('button', { name: 'Change who can see this' }));
    await waitFor(() => expect(within(editor).getByRole('radio', { name: 'Your set (when you join one)' })).toBeInTheDocument());
    expect(within(editor).getByRole('radio', { name: 'You and your coach (when you have one)' })).toBeInTheDocument();
  });
});
