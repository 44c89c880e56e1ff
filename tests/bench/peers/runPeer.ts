// One run of one peer: device A (a browser context, so its own IndexedDB) writes the
// documents and pushes them; device B (a second, fresh context, signed in to the same
// account where there are accounts) pulls them all. Push and pull are timed in the pages;
// end to end is the wall time from the push starting to device B holding everything.
import type { Browser, Page } from 'playwright-core';
import { newContext } from '../../e2e/support/browser';
import type { BenchSite, PeerName } from './benchSite';
import { startServer } from './servers';

export interface PeerTiming {
  readonly pushMs: number;
  readonly pullMs: number;
  readonly endToEndMs: number;
}

const TIMEOUT_MS = 10 * 60_000;

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  // RxDB's open-core notice and the like are not failures, but errors in the page are.
  page.on('pageerror', (error) => console.error(`[${url}] ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.benchPeer !== undefined);
  return page;
}

export async function runPeerOnce(browser: Browser, site: BenchSite, peer: PeerName, count: number, seed: number): Promise<PeerTiming> {
  const server = await startServer(peer, site.dir);
  const pages: Page[] = [];
  try {
    const url = `${server.origin}${site.pagePath(peer)}`;
    const writer = await openPage(browser, url);
    pages.push(writer);
    const written = await writer.evaluate(([n, s]) => window.benchPeer?.write(n, s), [count, seed] as const);
    if (written?.documents !== count) throw new Error(`${peer}: wrote ${written?.documents ?? 0} of ${count} documents`);
    const reader = await openPage(browser, url);
    pages.push(reader);
    await reader.evaluate(() => window.benchPeer?.open());

    const start = performance.now();
    const pushMs = await writer.evaluate(() => window.benchPeer?.push());
    const pullMs = await reader.evaluate(() => window.benchPeer?.pull());
    const endToEndMs = performance.now() - start;
    const received = await reader.evaluate(() => window.benchPeer?.stored());
    if (pushMs === undefined || pullMs === undefined || received === undefined) throw new Error(`${peer}: the bench page lost its peer`);
    // Everything written arrived, with the same content (same number of characters).
    if (received.documents !== count || received.characters !== written.characters) {
      throw new Error(`${peer}: device B holds ${received.documents} documents, ${received.characters} characters; A wrote ${count}, ${written.characters}`);
    }
    return { pushMs, pullMs, endToEndMs };
  } finally {
    for (const page of pages) await page.context().close();
    await server.close();
  }
}
