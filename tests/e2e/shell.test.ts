// The app shell: installable (manifest) and able to start with no network once visited.
import { describe, expect, inject, it } from 'vitest';
import { waitForServiceWorker } from './support/browser';
import { useTabletBrowser } from './support/useTabletBrowser';

const baseURL = inject('baseURL');

type ManifestIcon = { src: string; sizes: string; type?: string; purpose?: string };
type Manifest = {
  name?: string;
  short_name?: string;
  display?: string;
  theme_color?: string;
  start_url?: string;
  icons?: ManifestIcon[];
};

const session = useTabletBrowser();

describe('app shell', () => {
  it('starts again with no network once the service worker has cached it', async () => {
    const page = await session.context().newPage();
    // The server's CSP forbids inline script and styles; any violation means the app breaks it.
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await page.goto(`${baseURL}/`);
    await waitForServiceWorker(page);

    await session.context().setOffline(true);
    try {
      // Prove the network really is gone: an uncached API call must fail.
      const apiReachable = await page.evaluate(() =>
        fetch('/api/health').then(
          () => true,
          () => false,
        ),
      );
      expect(apiReachable).toBe(false);

      await page.reload({ waitUntil: 'load' });
      await expect(page.title()).resolves.toBe('Setwise');
      await page.waitForSelector('#root > *', { timeout: 10_000 });
      expect(await page.locator('#root > *').count()).toBeGreaterThan(0);
      expect(cspViolations).toEqual([]);
    } finally {
      await session.context().setOffline(false);
      await page.close();
    }
  });

  it('serves an installable manifest with a maskable 512px icon', async () => {
    const page = await session.context().newPage();
    try {
      await page.goto(`${baseURL}/`);
      // The page must link the manifest, or browsers will not offer to install the app.
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBeTruthy();

      const res = await fetch(new URL(href ?? '', baseURL));
      expect(res.status).toBe(200);
      const manifest = (await res.json()) as Manifest;
      expect(manifest.name).toEqual(expect.stringContaining('Setwise'));
      expect(manifest.short_name).toBe('Setwise');
      expect(manifest.display).toBe('standalone');
      expect(manifest.theme_color).toBe('#1f5c4a');

      const maskable = manifest.icons?.find(
        (icon) => icon.sizes.split(' ').includes('512x512') && icon.purpose?.split(' ').includes('maskable'),
      );
      expect(maskable, 'a 512x512 maskable icon').toBeDefined();
      const icon = await fetch(new URL(maskable?.src ?? '', baseURL));
      expect(icon.status).toBe(200);
      expect(icon.headers.get('content-type')).toBe('image/png');
    } finally {
      await page.close();
    }
  });
});
