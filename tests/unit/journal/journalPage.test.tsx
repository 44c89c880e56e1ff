import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { JournalPage } from '../../../src/app/journal/JournalPage';
import { renderInApp, type AppHarness } from '../support/renderInApp';

let app: AppHarness | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

function renderJournal(path: string, seed?: (harness: AppHarness) => Promise<void>) {
  app = renderInApp(
    () => (
      <Route path="/journal" nest>
        <JournalPage />
      </Route>
    ),
    { path },
  );
  return seed ? seed(app) : Promise.resolve();
}

describe('Journal', () => {
  it('lists entries newest first and filters them by tag', async () => {
    await renderJournal('/journal', async ({ repositories }) => {
      await repositories.logEntries.create({ occurredAt: '2026-05-12T08:00:00.000Z', body: 'Older: SLT meeting', tags: ['SLT'] });
      await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Newer: phonics walk', tags: ['phonics'] });
    });
    const list = await screen.findByRole('list', { name: 'Entries' });
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(2));
    const links = within(list).getAllByRole('link');
    expect(links[0]).toHaveTextContent('Newer: phonics walk');
    expect(links[1]).toHaveTextContent('Older: SLT meeting');

    await userEvent.click(screen.getByRole('button', { name: 'SLT' }));
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(1));
    expect(within(list).getByRole('link')).toHaveTextContent('Older: SLT meeting');
    await userEvent.click(screen.getByRole('button', { name: 'All' }));
  });

  it('saves edits to an entry as you type', async () => {
    let id = '';
    await renderJournal('/journal', async ({ repositories }) => {
      id = (await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Draft thoughts' })).id;
    });
    app!.location.navigate(`/journal/${id}`);
    const editor = await screen.findByRole('form', { name: 'Edit entry' });
    const body = within(editor).getByLabelText('What happened?');
    await waitFor(() => expect(body).toHaveValue('Draft thoughts'));
    await userEvent.type(body, ' about the change team');

    await waitFor(async () => expect((await app!.repositories.logEntries.get(id))?.body).toBe('Draft thoughts about the change team'));
    expect(await within(editor).findByText('Saved on this device')).toBeInTheDocument();
  });

  it('saves a change that is typed and then taken back', async () => {
    let id = '';
    await renderJournal('/journal', async ({ repositories }) => {
      id = (await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Plan' })).id;
    });
    app!.location.navigate(`/journal/${id}`);
    const editor = await screen.findByRole('form', { name: 'Edit entry' });
    const body = within(editor).getByLabelText('What happened?');
    await waitFor(() => expect(body).toHaveValue('Plan'));
    await userEvent.type(body, 's');
    await waitFor(async () => expect((await app!.repositories.logEntries.get(id))?.body).toBe('Plans'));
    await userEvent.type(body, '{Backspace}');
    await waitFor(async () => expect((await app!.repositories.logEntries.get(id))?.body).toBe('Plan'));
  });

  it('does not save an emptied entry and says why', async () => {
    let id = '';
    await renderJournal('/journal', async ({ repositories }) => {
      id = (await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Keep me' })).id;
    });
    app!.location.navigate(`/journal/${id}`);
    const editor = await screen.findByRole('form', { name: 'Edit entry' });
    const body = within(editor).getByLabelText('What happened?');
    await waitFor(() => expect(body).toHaveValue('Keep me'));
    await userEvent.clear(body);

    expect(await within(editor).findByText(/An empty entry is not saved/)).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await app!.repositories.logEntries.get(id))?.body).toBe('Keep me');
  });

  it('deletes an entry and brings it back with Undo', async () => {
    let id = '';
    await renderJournal('/journal', async ({ repositories }) => {
      id = (await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Parent workshop notes' })).id;
    });
    app!.location.navigate(`/journal/${id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete entry' }));

    expect(await screen.findByText('Entry deleted')).toBeInTheDocument();
    await waitFor(async () => expect(await app!.repositories.logEntries.get(id)).toBeUndefined());
    expect(app!.location.history?.at(-1)).toMatch(/^\/journal\/?$/);

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await app!.repositories.logEntries.get(id))?.body).toBe('Parent workshop notes'));
  });

  it('shows two versions of an entry changed on two devices, and uses the one chosen', async () => {
    let id = '';
    await renderJournal('/journal', async ({ repositories, db }) => {
      id = (await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Newer version from the laptop' })).id;
      // As the server leaves it after two devices edited the entry at once.
      await db.logEntries.update(id, {
        conflicts: { body: { value: 'Older version from the tablet', stamp: '000000000000001:000000:tablet', at: '2026-05-14T09:00:00.000Z' } },
        'clocks.conflicts': '000000000000002:000000:server',
      } as never);
    });
    app!.location.navigate(`/journal/${id}`);
    expect(await screen.findByRole('heading', { name: 'Two versions of this entry' })).toBeInTheDocument();
    expect(screen.getByText('Older version from the tablet')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Use the other version' }));
    await waitFor(async () => expect((await app!.repositories.logEntries.get(id))?.body).toBe('Older version from the tablet'));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Two versions of this entry' })).not.toBeInTheDocument());
    expect(screen.getByLabelText('What happened?')).toHaveValue('Older version from the tablet');
  });
});
