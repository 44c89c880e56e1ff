// One-off look at the set screens with data, as the facilitator, a member and the coordinator
// see them: `npx tsx tests/tools/setScreenshots.ts` (after `npm run build`). PNGs in /tmp/setwise-shots.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccount } from '../../src/server/auth/accounts';
import { createServer } from '../../src/server/createServer';
import { openStore } from '../../src/server/storage/openStore';
import { launchBrowser } from '../e2e/support/browser';
import { createCohortOverHttp } from '../e2e/support/cohortOverHttp';
import { signInThroughSettings } from '../e2e/support/signInThroughSettings';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = '/tmp/setwise-shots';
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'shots-'));
const store = await openStore({ dataDir });
const coordinator = { email: 'morgan@northfield.example', password: 'a sensible passphrase', displayName: 'Morgan Ellis' };
await createAccount(store, { ...coordinator, roles: ['coordinator', 'participant'] });
const server = await createServer({ staticDir: join(root, 'dist'), dataDir, store, logLevel: 'warn' });
const baseURL = await server.listen({ host: '127.0.0.1', port: 0 });
const cohort = await createCohortOverHttp(baseURL, coordinator, 'Dana Reid', ['Amira Khan', 'Tom Hughes', 'Grace Obi'], { coachName: 'Sam Lee' });
const browser = await launchBrowser();
const viewport = process.argv[2] === 'portrait' ? { width: 768, height: 1024 } : { width: 1024, height: 768 };

const facilitatorContext = await browser.newContext({ viewport, locale: 'en-GB' });
const page = await facilitatorContext.newPage();
await signInThroughSettings(page, baseURL, cohort.facilitator);
await page.goto(`${baseURL}/set`);
await page.getByRole('button', { name: 'Start a meeting' }).click();
await page.getByRole('form', { name: 'Start a meeting' }).getByLabel('Place').fill('Oakfield Primary library');
await page.getByRole('button', { name: 'Start the meeting' }).click();
await page.getByRole('heading', { name: /^Set meeting, / }).waitFor();
const meetingPath = new URL(page.url()).pathname;
const round = page.getByRole('region', { name: 'Amira Khan', exact: true });
await round.getByLabel('Update since last meeting').fill('Phonics groups now run daily; two TAs trained; Year 2 scores up from 27% to 41%.');
await round.getByLabel('The set’s questions').fill('What would tell you the TAs are confident? Who else could observe?');
await round.getByRole('form', { name: 'Add an action' }).getByLabel('New action').fill('Run two learning walks with the KS1 team');
await round.getByRole('button', { name: 'Add action' }).click();
await page.waitForTimeout(500);
for (const path of ['/set', meetingPath, `${meetingPath}/run`, '/']) {
  await page.goto(`${baseURL}${path}`);
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, `facilitator${path.replace(/\//g, '_') || '_'}.png`).replace(/_[0-9a-f-]{36}/, '_meeting'), fullPage: true });
}
const coordinatorContext = await browser.newContext({ viewport, locale: 'en-GB' });
const coordinatorPage = await coordinatorContext.newPage();
await signInThroughSettings(coordinatorPage, baseURL, coordinator);
for (const tab of ['', '/calendar', '/invitations', '/overview']) {
  await coordinatorPage.goto(`${baseURL}/cohort/${cohort.cohortId}${tab}`);
  await coordinatorPage.waitForTimeout(600);
  await coordinatorPage.screenshot({ path: join(out, `coordinator_cohort${tab.replace(/\//g, '_')}.png`), fullPage: true });
}
const visitor = await (await browser.newContext({ viewport, locale: 'en-GB' })).newPage();
await visitor.goto(`${baseURL}/join/${await cohort.invite('Ravi Mehta')}`);
await visitor.waitForTimeout(800);
await visitor.screenshot({ path: join(out, 'visitor_join.png'), fullPage: true });
await browser.close();
await server.close();
await store.close();
console.log(`screenshots in ${out}`);
