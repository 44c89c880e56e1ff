// One-off look at the screens as a person sees them: `npx tsx tests/tools/screenshots.ts`
// (after `npm run build`). Writes PNGs to /tmp/setwise-shots.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../src/server/createServer';
import { launchBrowser } from '../e2e/support/browser';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = '/tmp/setwise-shots';
mkdirSync(out, { recursive: true });

const server = await createServer({ staticDir: join(root, 'dist'), dataDir: mkdtempSync(join(tmpdir(), 'shots-')), logLevel: 'warn' });
const baseURL = await server.listen({ host: '127.0.0.1', port: 0 });
const browser = await launchBrowser();
const viewports = { landscape: { width: 1024, height: 768 }, portrait: { width: 768, height: 1024 }, phone: { width: 390, height: 844 } };
const paths = (process.argv[2] ?? '/,/journal,/challenge/new,/trials/new,/measures/new,/settings').split(',');
for (const [name, viewport] of Object.entries(viewports)) {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(`${baseURL}${path}`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `${name}${path.replace(/\//g, '_') || '_'}.png`), fullPage: true });
  }
  await context.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
