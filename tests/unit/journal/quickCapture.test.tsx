import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NEW_ENTRY_DRAFT_KEY } from '../../../src/app/journal/draftKeys';
import { QuickCapture } from '../../../src/app/journal/QuickCapture';
import { renderInApp, type AppHarness } from '../support/renderInApp';

let app: AppHarness | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describe('Quick capture', () => {
  it('saves a written entry to the device and clears the form for the next one', async () => {
    const user = userEvent.setup();
    app = renderInApp(() => <QuickCapture />);
    const body = await screen.findByLabelText('What happened?');
    await user.type(body, 'Year 2 phonics: the new sound mats are on every table.');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));

    await waitFor(async () => expect(await app!.repositories.logEntries.count()).toBe(1));
    const [entry] = await app.repositories.logEntries.list();
    expect(entry?.body).toBe('Year 2 phonics: the new sound mats are on every table.');
    expect(entry?.visibility).toBe('private');
    expect(await screen.findByText('Entry saved on this device')).toBeInTheDocument();
    expect(screen.getByLabelText('What happened?')).toHaveValue('');
    expect(await app.repositories.device.pendingChangeCount()).toBeGreaterThan(0);
  });

  it('refuses an empty entry with a message and keeps the draft', async () => {
    const user = userEvent.setup();
    app = renderInApp(() => <QuickCapture />);
    const tags = await screen.findByLabelText('Tags');
    await user.type(tags, 'phonics');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));

    expect(await screen.findByText(/Write something first — an empty entry is not saved/)).toBeInTheDocument();
    expect(await app.repositories.logEntries.count()).toBe(0);
    expect(screen.getByLabelText('Tags')).toHaveValue('phonics');
  });

  it('restores the autosaved draft after a reload', async () => {
    const user = userEvent.setup();
    app = renderInApp(() => <QuickCapture />);
    await user.type(await screen.findByLabelText('What happened?'), 'Learning walk, KS2: questioning is stronger');
    await waitFor(async () =>
      expect(await app!.repositories.drafts.get(NEW_ENTRY_DRAFT_KEY)).toMatchObject({
        body: 'Learning walk, KS2: questioning is stronger',
      }),
    );

    app.reload();
    await waitFor(() => expect(screen.getByLabelText('What happened?')).toHaveValue('Learning walk, KS2: questioning is stronger'));
    expect(await app.repositories.logEntries.count()).toBe(0);
  });

  it('offers a template’s prompts and saves the answers with the entry', async () => {
    const user = userEvent.setup();
    app = renderInApp(() => <QuickCapture />);
    await user.click(await screen.findByRole('button', { name: 'What? So what? Now what?' }));
    await user.type(screen.getByLabelText('What?'), 'TA-led intervention group moved to mornings');
    await user.type(screen.getByLabelText('Now what?'), 'Check attendance in two weeks');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));

    await waitFor(async () => expect(await app!.repositories.logEntries.count()).toBe(1));
    const [entry] = await app.repositories.logEntries.list();
    expect(entry?.template).toBe('what-so-what');
    expect(entry?.responses).toEqual({ what: 'TA-led intervention group moved to mornings', nowWhat: 'Check attendance in two weeks' });
  });

  it('questions a date far in the future and saves once confirmed', async () => {
    const user = userEvent.setup();
    app = renderInApp(() => <QuickCapture />);
    await user.type(await screen.findByLabelText('What happened?'), 'Planning the summer INSET');
    await user.click(screen.getByText('Date, tags and links'));
    const when = screen.getByLabelText('When');
    await user.clear(when);
    await user.type(when, '2099-05-14T09:30');
    await user.click(screen.getByRole('button', { name: 'Save entry' }));

    expect(await screen.findByText(/dated 14 May 2099, in the future\. Is that right\?/)).toBeInTheDocument();
    expect(await app.repositories.logEntries.count()).toBe(0);

    await user.click(screen.getByLabelText('Yes, the date is right'));
    await user.click(screen.getByRole('button', { name: 'Save entry' }));
    await waitFor(async () => expect(await app!.repositories.logEntries.count()).toBe(1));
  });

  it('refuses a file that is not a photo, with the reason, and keeps the text', async () => {
    const user = userEvent.setup({ applyAccept: false });
    app = renderInApp(() => <QuickCapture />);
    await user.type(await screen.findByLabelText('What happened?'), 'Working wall in Y4');
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input).not.toBeNull();
    await user.upload(input!, new File(['%PDF-1.7'], 'minutes.pdf', { type: 'application/pdf' }));

    expect(await screen.findByText('"minutes.pdf" is not a photo Setwise can keep (JPEG, PNG, WebP, GIF or HEIC).')).toBeInTheDocument();
    expect(screen.getByLabelText('What happened?')).toHaveValue('Working wall in Y4');
  });

  it('asks the browser once, after the first saved entry, to keep the data persistently', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    // Test-only stand-in for the browser's StorageManager.
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist, persisted: vi.fn().mockResolvedValue(false) } });
    try {
      const user = userEvent.setup();
      app = renderInApp(() => <QuickCapture />);
      const body = await screen.findByLabelText('What happened?');
      expect(persist).not.toHaveBeenCalled();
      await user.type(body, 'First entry');
      await user.click(screen.getByRole('button', { name: 'Save entry' }));
      await waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
      await user.type(screen.getByLabelText('What happened?'), 'Second entry');
      await user.click(screen.getByRole('button', { name: 'Save entry' }));
      await waitFor(async () => expect(await app!.repositories.logEntries.count()).toBe(2));
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      Reflect.deleteProperty(navigator, 'storage');
    }
  });
});

describe('Quick capture, typed into before the device has read the old draft', () => {
  it('saves the first words at once, and keeps them rather than the stored draft', async () => {
    const user = userEvent.setup();
    app = renderInApp(() => <QuickCapture />);
    const harness = app;
    await harness.repositories.drafts.put(NEW_ENTRY_DRAFT_KEY, { body: 'An older draft' });
    // Hold the draft read until the person has typed (as on a slow tablet at launch).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const realGet = harness.repositories.drafts.get.bind(harness.repositories.drafts);
    vi.spyOn(harness.repositories.drafts, 'get').mockImplementation(async (key) => {
      await held;
      return realGet(key);
    });
    harness.reload();
    const body = await screen.findByLabelText('What happened?');
    await user.type(body, 'A');
    release();
    await waitFor(async () => expect(await harness.repositories.drafts.get(NEW_ENTRY_DRAFT_KEY)).toMatchObject({ body: 'A' }));
    expect(screen.getByLabelText('What happened?')).toHaveValue('A');
  });
});
