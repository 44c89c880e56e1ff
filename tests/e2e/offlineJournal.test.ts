// A participant with no connection: the app starts from the service worker, she writes three
// entries (one with a photo), closes the page, opens a new one — everything is still there.
import { describe, expect, inject, it } from 'vitest';
import { waitForServiceWorker } from './support/browser';
import { useTabletBrowser } from './support/useTabletBrowser';
import { makePng, readStore } from './support/readIndexedDb';

const baseURL = inject('baseURL');
const session = useTabletBrowser();

describe('the journal offline', () => {
  it('keeps entries and a downscaled photo written offline across closing the page', async () => {
    const page = await session.context().newPage();
    await page.goto(`${baseURL}/`);
    await waitForServiceWorker(page);
    const photo = await makePng(page, 3000, 2000);
    await session.context().setOffline(true);
    await page.reload();

    const entries = [
      'Y1 phonics: sound mats used in every group.',
      'Y2 phonics: TA modelling blending well.',
      'Reception: working wall updated with this week’s sounds.',
    ];
    for (const [index, text] of entries.entries()) {
      const box = page.getByLabel('What happened?');
      await box.fill(text);
      if (index === 2) {
        await page.locator('input[type="file"]').setInputFiles({ name: 'working-wall.png', mimeType: 'image/png', buffer: photo });
        await expect.poll(() => page.getByRole('img', { name: 'New photo 1' }).count()).toBe(1);
      }
      await page.getByRole('button', { name: 'Save entry' }).click();
      await expect.poll(async () => (await readStore(page, 'logEntries')).length).toBe(index + 1);
    }

    await page.close();
    const reopened = await session.context().newPage();
    await reopened.goto(`${baseURL}/journal`);
    const list = reopened.getByRole('list', { name: 'Entries' });
    for (const text of entries) await expect.poll(() => list.getByText(text).count()).toBe(1);

    const photos = await readStore<{ width: number; height: number; mimeType: string; bytes: number }>(reopened, 'photos');
    expect(photos).toHaveLength(1);
    expect(photos[0]).toMatchObject({ width: 2048, height: 1365, mimeType: 'image/jpeg' });
    expect(photos[0]?.bytes).toBeLessThan(photo.length);
    const blobs = await readStore(reopened, 'photoBlobs');
    expect(blobs).toHaveLength(1);

    await reopened.getByRole('link', { name: /Reception: working wall/ }).click();
    await expect.poll(() => reopened.getByRole('img', { name: 'Photo 1' }).count()).toBe(1);
    await session.context().setOffline(false);
    await reopened.close();
  });

  it('keeps a half-written draft when the page is closed mid-sentence', async () => {
    const page = await session.context().newPage();
    await page.goto(`${baseURL}/journal/new`);
    await page.getByLabel('What happened?').pressSequentially('Conversation with the SENCO about');
    await expect
      .poll(async () => (await readStore<{ key: string; value: { body: string } }>(page, 'drafts')).find((d) => d.key === 'new-entry')?.value.body)
      .toBe('Conversation with the SENCO about');
    await page.close();

    const again = await session.context().newPage();
    await again.goto(`${baseURL}/journal/new`);
    await expect.poll(() => again.getByLabel('What happened?').inputValue()).toBe('Conversation with the SENCO about');
    await again.close();
  });
});
