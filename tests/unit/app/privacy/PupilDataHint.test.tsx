import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { JournalPage } from '../../../../src/app/journal/JournalPage';
import { QuickCapture } from '../../../../src/app/journal/QuickCapture';
import { PHOTO_REMINDER } from '../../../../src/app/privacy/PhotoReminder';
import { PUPIL_DATA_CHECK_DELAY_MS } from '../../../../src/app/privacy/PupilDataHint';
import { renderInApp, type AppHarness } from '../../support/renderInApp';

let app: AppHarness | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const SUMMARY = /Worth a second look: this may identify a pupil\. Initials are enough for your log, and it is saved either way\./;

/** The journal with one saved entry open in the editor, as a person reaches it from the list. */
async function openEntry(body: string): Promise<{ id: string; editor: HTMLElement }> {
  app = renderInApp(
    () => (
      <Route path="/journal" nest>
        <JournalPage />
      </Route>
    ),
    { path: '/journal' },
  );
  const { id } = await app.repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body });
  app.location.navigate(`/journal/${id}`);
  const editor = await screen.findByRole('form', { name: 'Edit entry' }, { timeout: 5000 });
  await waitFor(() => expect(within(editor).getByLabelText('What happened?')).toHaveValue(body));
  return { id, editor };
}

/** The hint waits for typing to pause, then renders at low priority: on a busy machine that can take a while. */
const HINT = { timeout: 4000 };

const storedBody = async (id: string) => (await app!.repositories.logEntries.get(id))?.body;

/** Long enough for the check to have run after typing stopped. */
const pauseAfterTyping = () => new Promise((resolve) => setTimeout(resolve, PUPIL_DATA_CHECK_DELAY_MS + 200));

describe('The pupil-data hint in the entry editor', () => {
  it('shows a calm hint, with the reason, when an entry names a pupil', async () => {
    const user = userEvent.setup();
    const { editor } = await openEntry('Learning walk.');
    await user.type(within(editor).getByLabelText('What happened?'), ' Spoke to pupil Jamie Rowe');

    expect(await within(editor).findByRole('button', { name: 'Use initials for “Jamie Rowe”' }, HINT)).toBeInTheDocument();
    const list = within(editor).getByRole('list', { name: 'Possible pupil details in “What happened?”' });
    expect(list).toHaveTextContent('Looks like a pupil\'s full name after “pupil”: “Jamie Rowe” → “J. R.”');
    expect(within(editor).getByRole('status', { name: '' }).textContent ?? '').toMatch(SUMMARY);
    expect(within(editor).getByRole('button', { name: 'Keep as written: “Jamie Rowe”' })).toBeInTheDocument();
  });

  it('"Use initials" turns the name into initials and saves it like any edit', async () => {
    const user = userEvent.setup();
    const { id, editor } = await openEntry('Spoke to pupil Jamie Rowe about his reading.');
    await user.click(await within(editor).findByRole('button', { name: /^Use initials/ }, HINT));

    const body = within(editor).getByLabelText('What happened?');
    expect(body).toHaveValue('Spoke to pupil J. R. about his reading.');
    await waitFor(async () => expect(await storedBody(id)).toBe('Spoke to pupil J. R. about his reading.'));
    await waitFor(() => expect(within(editor).queryByRole('button', { name: /^Use initials/ })).not.toBeInTheDocument());
    expect(within(editor).getByText('Changed to “J. R.”.')).toBeInTheDocument();
    expect(await within(editor).findByText('Saved on this device', {}, HINT)).toBeInTheDocument();
  });

  it('replaces just the span it names, even after more was typed', async () => {
    const user = userEvent.setup();
    const { id, editor } = await openEntry('pupil Jamie Rowe and pupil Amy Okafor');
    expect(await within(editor).findAllByRole('button', { name: /^Use initials/ }, HINT)).toHaveLength(2);
    const body = within(editor).getByLabelText('What happened?');
    await user.type(body, ' were calm.');
    await user.click(within(editor).getByRole('button', { name: 'Use initials for “Amy Okafor”' }));

    expect(body).toHaveValue('pupil Jamie Rowe and pupil A. O. were calm.');
    await waitFor(async () => expect(await storedBody(id)).toBe('pupil Jamie Rowe and pupil A. O. were calm.'));
    expect(within(editor).getByRole('button', { name: 'Use initials for “Jamie Rowe”' })).toBeInTheDocument();
  });

  it('"Keep as written" dismisses the hint and leaves the text alone', async () => {
    const user = userEvent.setup();
    const { id, editor } = await openEntry('Spoke to pupil Jamie Rowe');
    await user.click(await within(editor).findByRole('button', { name: /^Keep as written/ }, HINT));

    expect(within(editor).queryByRole('button', { name: /^Use initials/ })).not.toBeInTheDocument();
    expect(within(editor).getByText('Kept “Jamie Rowe” as written.')).toBeInTheDocument();
    await pauseAfterTyping();
    expect(await storedBody(id)).toBe('Spoke to pupil Jamie Rowe');
  });

  it('shows nothing for "Pupil Premium" and other school words', async () => {
    const user = userEvent.setup();
    const { editor } = await openEntry('Notes:');
    await user.type(within(editor).getByLabelText('What happened?'), ' Pupil Premium review with the Student Council and Mrs Okafor (Y4).');
    await pauseAfterTyping();

    expect(within(editor).queryByRole('list', { name: /Possible pupil details/ })).not.toBeInTheDocument();
    expect(within(editor).queryByRole('button', { name: /^Use initials/ })).not.toBeInTheDocument();
    for (const status of within(editor).getAllByRole('status')) expect(status).not.toHaveTextContent(SUMMARY);
  });

  it('never blocks saving: the entry is stored as written while the hint shows', async () => {
    const user = userEvent.setup();
    const { id, editor } = await openEntry('Met');
    await user.type(within(editor).getByLabelText('What happened?'), ' pupil Jamie Rowe (DOB 03/04/2016)');

    expect(await within(editor).findByRole('button', { name: 'Use initials for “Jamie Rowe”' }, HINT)).toBeInTheDocument();
    expect(within(editor).getByRole('button', { name: 'Remove the date for “03/04/2016”' })).toBeInTheDocument();
    await waitFor(async () => expect(await storedBody(id)).toBe('Met pupil Jamie Rowe (DOB 03/04/2016)'));
  });

  it('checks a template’s answers too', async () => {
    const user = userEvent.setup();
    const { editor } = await openEntry('Reading conference');
    await user.click(within(editor).getByRole('button', { name: 'What? So what? Now what?' }));
    await user.type(within(editor).getByLabelText('What?'), 'Y4 Ruby Finch read aloud');

    expect(await within(editor).findByRole('list', { name: 'Possible pupil details in “What?”' }, HINT)).toHaveTextContent('“Ruby Finch” → “R. F.”');
  });
});

describe('The pupil-data hint in quick capture', () => {
  it('never blocks "Save entry": the entry is saved as written while the hint shows', async () => {
    const user = userEvent.setup();
    app = renderInApp(() => <QuickCapture />);
    await user.type(await screen.findByLabelText('What happened?'), 'Spoke to pupil Jamie Rowe');
    expect(await screen.findByRole('button', { name: /^Use initials/ }, HINT)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    await waitFor(async () => expect(await app!.repositories.logEntries.count()).toBe(1));
    const [entry] = await app.repositories.logEntries.list();
    expect(entry?.body).toBe('Spoke to pupil Jamie Rowe');
  });
});

describe('Photos', () => {
  it('reminds, beside "Add a photo", to keep pupils out of the picture', async () => {
    app = renderInApp(() => <QuickCapture />);
    const reminder = await screen.findByText(PHOTO_REMINDER);
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.getAttribute('aria-describedby')).toBe(reminder.id);
  });

  it('checks a photo caption and saves the initials to the photo', async () => {
    const user = userEvent.setup();
    const { id } = await openEntry('Book look in the hall');
    await app!.db.photos.put({
      id: 'photo-1', owner: 'local', createdAt: '2026-05-14T08:01:00.000Z', updatedAt: '2026-05-14T08:01:00.000Z', deletedAt: null,
      clocks: {}, entryId: id, sha256: 'a'.repeat(64), mimeType: 'image/jpeg', width: 2048, height: 1536, bytes: 1000, caption: '',
    });
    const caption = await screen.findByLabelText('Caption for photo 1');
    await user.click(caption);
    await user.paste('Writing by pupil Amy Okafor');
    await user.click(await screen.findByRole('button', { name: 'Use initials for “Amy Okafor”' }, HINT));

    expect(caption).toHaveValue('Writing by pupil A. O.');
    await waitFor(async () => expect((await app!.db.photos.get('photo-1'))?.caption).toBe('Writing by pupil A. O.'));
  });
});
