import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob } from '../../../../src/app/platform/downloadBlob';
import { ExportSection } from '../../../../src/app/settings/ExportSection';
import { toIsoDate } from '../../../../src/domain/dates';
import { renderInApp, type AppHarness } from '../../support/renderInApp';

// The browser's download is a side effect; the section only has to hand over the right file.
vi.mock('../../../../src/app/platform/downloadBlob', () => ({ downloadBlob: vi.fn() }));

const base = { updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null, clocks: {} };
let app: AppHarness;

beforeEach(() => {
  vi.mocked(downloadBlob).mockClear();
});
afterEach(async () => {
  await app.dispose();
});

/** Priya, signed in on this device, with two entries, a challenge and a photo of her own, and a set member's shared entry. */
async function seedPriya() {
  const { db, repositories } = app;
  await db.meta.put({ key: 'owner', value: 'priya' });
  await db.memberships.put({
    ...base, id: 'm-priya', owner: 'coordinator', createdAt: '2026-01-01T09:00:00.000Z', cohortId: 'cohort-1', userId: 'priya',
    displayName: 'Priya Shah', role: 'participant', setId: 'set-a', coacheeId: null, status: 'active', withdrawnOn: null,
  });
  const entry = await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Phonics groups started' });
  await repositories.logEntries.create({ occurredAt: '2026-05-15T08:00:00.000Z', body: 'Year 1 observation' });
  await repositories.challenge.save({ focus: 'Improving the quality of teaching', issue: 'Phonics in KS1' });
  await db.photos.put({
    ...base, id: 'photo-1', owner: 'priya', createdAt: '2026-05-14T08:01:00.000Z', entryId: entry.id, sha256: 'a'.repeat(64),
    mimeType: 'image/jpeg', width: 2048, height: 1536, bytes: 1000, caption: 'Year 2 display',
  });
  await db.logEntries.put({
    ...base, id: 'sams-entry', owner: 'sam', createdAt: '2026-05-01T09:00:00.000Z', occurredAt: '2026-05-01T09:00:00.000Z',
    body: 'Sam’s shared entry', template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: 'set',
  });
}

describe('Your writing (Settings)', () => {
  it('says what the file holds and counts only my own writing', async () => {
    app = renderInApp(() => <ExportSection />);
    await seedPriya();

    const section = screen.getByRole('region', { name: 'Your writing' });
    expect(within(section).getByText(/^Everything you have written on this device — your journal, challenge/)).toBeInTheDocument();
    expect(await within(section).findByText('2 entries, 1 challenge, 0 trials, 0 measures, 1 photo')).toBeInTheDocument();
  });

  it('hands the whole file, named for me and today, to the download', async () => {
    app = renderInApp(() => <ExportSection />);
    await seedPriya();
    const user = userEvent.setup();
    await screen.findByText('2 entries, 1 challenge, 0 trials, 0 measures, 1 photo');

    await user.click(screen.getByRole('button', { name: 'Download everything I wrote' }));

    await vi.waitFor(() => expect(downloadBlob).toHaveBeenCalledOnce());
    const [blob, fileName] = vi.mocked(downloadBlob).mock.calls[0] ?? [];
    expect(fileName).toBe(`setwise-priya-shah-${toIsoDate(new Date())}.json`);
    expect(blob?.type).toBe('application/json');
    const file = JSON.parse(await (blob as Blob).text()) as { format: string; version: number; logEntries: { body: string }[]; photos: { caption: string; dataUrl: string | null }[] };
    expect(file).toMatchObject({ format: 'setwise-export', version: 2 });
    expect(file.logEntries.map((e) => e.body)).toEqual(['Phonics groups started', 'Year 1 observation']);
    expect(file.photos).toMatchObject([{ caption: 'Year 2 display', dataUrl: null }]);
    expect(screen.getByRole('button', { name: 'Download everything I wrote' })).toBeEnabled();
  });

  it('hands the journal as Markdown to the download: challenge first, then my entries by month', async () => {
    app = renderInApp(() => <ExportSection />);
    await seedPriya();
    const user = userEvent.setup();
    await screen.findByText('2 entries, 1 challenge, 0 trials, 0 measures, 1 photo');

    await user.click(screen.getByRole('button', { name: 'Download the journal as Markdown' }));

    await vi.waitFor(() => expect(downloadBlob).toHaveBeenCalledOnce());
    const [blob, fileName] = vi.mocked(downloadBlob).mock.calls[0] ?? [];
    expect(fileName).toBe(`setwise-journal-priya-shah-${toIsoDate(new Date())}.md`);
    expect(blob?.type).toBe('text/markdown;charset=utf-8');
    const text = await (blob as Blob).text();
    expect(text.startsWith('# Leadership journal — Priya Shah\n\nExported from Setwise on ')).toBe(true);
    expect(text).toContain('## My leadership challenge\n\n**Focus:** Improving the quality of teaching');
    expect(text.indexOf('Year 1 observation')).toBeLessThan(text.indexOf('Phonics groups started'));
    expect(text).toContain('## May 2026');
    expect(text).not.toContain('Sam’s shared entry');
  });
});
