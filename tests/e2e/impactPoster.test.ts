// A participant's year, entered through the app (signed out: it all saves on the device), then
// one tap makes her impact poster, and it prints on one A4 page — and on one A3 page — with her
// focus, the change in her measure and her key learning point on it.
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, inject, it } from 'vitest';
import { readStore } from './support/readIndexedDb';
import { seriousViolations } from './support/seriousViolations';
import { smallTouchTargets } from './support/touchTargets';
import { useTabletBrowser } from './support/useTabletBrowser';

const baseURL = inject('baseURL');
const session = useTabletBrowser();

const FOCUS = 'Improving the quality of teaching';
const ISSUE = 'Phonics teaching in KS1 is not yet consistently good.';
const LEARNING = 'Short daily observations beat termly ones';
const MEASURE = 'Pupils passing the KS1 phonics check';

async function openPlace(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

/** The text of every page of a PDF, one string a page. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Prints the page as Chromium would (print media) and reads back the PDF's text. */
async function printToPdf(page: Page, format: 'A4' | 'A3'): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return pdfPages(pdf);
}

/** Spaces and line breaks as pdf.js finds them vary; compare words only. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function seedTheYear(page: Page) {
  await openPlace(page, 'My challenge');
  await page.getByRole('link', { name: 'Write my challenge' }).click();
  await page.getByLabel(FOCUS).check();
  await page.getByLabel('The issue or concern, in your own words').fill(ISSUE);
  await page.getByLabel('Raising attainment').check();
  await page.getByRole('button', { name: 'Save my challenge' }).click();
  await expect.poll(async () => (await readStore(page, 'challenges')).length).toBe(1);

  await openPlace(page, 'Trials');
  await page.getByRole('link', { name: /Plan a trial/ }).first().click();
  await page.getByRole('button', { name: 'Lesson study' }).click();
  await page.getByLabel('With whom?').fill('The Year 1 and Year 2 teachers');
  await page.getByRole('button', { name: 'Save this trial' }).click();
  await page.getByRole('button', { name: 'Start the trial' }).click();
  await page.getByRole('button', { name: 'Review it' }).click();
  await page.getByLabel('What did I learn?').fill(LEARNING);
  await page.getByLabel('Continue').check();
  await page.getByRole('button', { name: 'Save the review' }).click();
  await expect
    .poll(async () => (await readStore(page, 'trials')).map((trial) => (trial as { review?: { learning?: string } }).review?.learning))
    .toEqual([LEARNING]);

  await openPlace(page, 'Measures');
  await page.getByRole('link', { name: /Add a measure/ }).first().click();
  await page.getByLabel('What are you measuring?').fill(MEASURE);
  await page.getByLabel('Unit').selectOption('percent');
  await page.getByLabel('Baseline', { exact: true }).fill('27');
  await page.getByLabel('Target (optional)').fill('70');
  await page.getByRole('button', { name: 'Save this measure' }).click();
  await expect.poll(async () => (await readStore(page, 'measures')).length).toBe(1);
  await page.getByLabel('Reading', { exact: true }).fill('79');
  await page.getByRole('button', { name: 'Add the reading' }).click();
  await expect.poll(async () => (await readStore(page, 'readings')).length).toBe(1);
}

describe('the impact poster', () => {
  it('is made in one tap from the records and prints on one A4 page and on one A3 page', async () => {
    const page = await session.context().newPage();
    await page.goto(`${baseURL}/`);
    await seedTheYear(page);

    await openPlace(page, 'Poster');
    await page.getByRole('button', { name: 'Make my poster' }).click();
    const poster = page.getByRole('article', { name: FOCUS });
    await expect.poll(() => poster.getByRole('img', { name: `${MEASURE}: 27% → 79%, target 70% met` }).count()).toBe(1);
    await expect.poll(() => poster.getByText(LEARNING).count()).toBe(1);
    // On screen it is a page like any other: accessible, with big enough targets.
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);

    const a4 = await printToPdf(page, 'A4');
    expect(a4).toHaveLength(1);
    const a4Text = squash(a4.join(' '));
    for (const words of [FOCUS, ISSUE, '27% → 79%', LEARNING, 'Key learning points', 'Raising attainment']) expect(a4Text).toContain(words);
    // The app's chrome and the poster's buttons stay off the paper.
    for (const chrome of ['Make my poster', 'Print', 'Edit', 'Settings', 'Change who can see this']) expect(a4Text).not.toContain(chrome);

    await page.getByRole('radio', { name: 'A3' }).check();
    await expect.poll(() => poster.getAttribute('class')).toContain('poster--a3');
    const a3 = await printToPdf(page, 'A3');
    expect(a3).toHaveLength(1);
    const a3Text = squash(a3.join(' '));
    for (const words of [FOCUS, ISSUE, '27% → 79%', LEARNING]) expect(a3Text).toContain(words);
    await page.close();
  });
});
