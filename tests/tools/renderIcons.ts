// One-off tool: renders the PNG app icons from public/icons/icon.svg using Debian Chromium.
// Run with `npx tsx tests/tools/renderIcons.ts` after changing the SVG, then commit the PNGs.
// Chromium is already required for the browser tests, so no image library is needed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/support/browser';

const iconsDir = fileURLToPath(new URL('../../public/icons/', import.meta.url));
const svg = readFileSync(`${iconsDir}icon.svg`, 'utf8');
const svgDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

type IconJob = { file: string; size: number; maskable: boolean };

const jobs: IconJob[] = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  // Maskable: launchers crop to any shape, so paint the green edge to edge. The mark's artwork
  // already sits inside the central 80% safe zone, and its rounded corners vanish into the
  // identical green behind it.
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

function pageFor({ size, maskable }: IconJob): string {
  const background = maskable ? '#1f5c4a' : 'transparent';
  return `<!doctype html><html><body style="margin:0;background:${background}">
    <img src="${svgDataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`;
}

const browser = await launchBrowser();
try {
  for (const job of jobs) {
    const page = await browser.newPage({ viewport: { width: job.size, height: job.size } });
    await page.setContent(pageFor(job));
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    // omitBackground keeps the corners outside the rounded square transparent for "any" icons.
    await page.screenshot({ path: `${iconsDir}${job.file}`, omitBackground: !job.maskable });
    await page.close();
    console.log(`wrote public/icons/${job.file} (${job.size}px)`);
  }
} finally {
  await browser.close();
}
