import { describe, expect, it } from 'vitest';
import { checkPhotoFile, fitWithin, MAX_PHOTO_EDGE_PX, MAX_PHOTO_INPUT_BYTES } from '../../../src/domain/photo';

const MB = 1024 * 1024;

describe('checkPhotoFile', () => {
  it.each([
    { name: 'IMG_0042.jpg', type: 'image/jpeg' },
    { name: 'display.png', type: 'image/png' },
    { name: 'IMG_0042.HEIC', type: 'image/heic' },
    { name: 'IMG_0042.heic', type: '' },
    { name: 'board.webp', type: 'image/webp' },
  ])('accepts $name ($type)', (file) => {
    expect(checkPhotoFile({ ...file, size: 2 * MB })).toBeNull();
  });

  it.each([
    { name: 'minutes.pdf', type: 'application/pdf' },
    { name: 'notes.txt', type: 'text/plain' },
    { name: 'drawing.svg', type: 'image/svg+xml' },
    { name: 'scan', type: '' },
  ])('refuses $name, naming the file', (file) => {
    expect(checkPhotoFile({ ...file, size: 2 * MB })).toBe(
      `"${file.name}" is not a photo Setwise can keep (JPEG, PNG, WebP, GIF or HEIC).`,
    );
  });

  it('refuses an empty file', () => {
    expect(checkPhotoFile({ name: 'IMG_1.jpg', type: 'image/jpeg', size: 0 })).toBe('"IMG_1.jpg" is empty.');
  });

  it('refuses a photo over 30 MB and accepts one of exactly 30 MB', () => {
    expect(checkPhotoFile({ name: 'huge.jpg', type: 'image/jpeg', size: 31 * MB })).toBe(
      '"huge.jpg" is 31 MB — too large. Choose a photo under 30 MB.',
    );
    expect(checkPhotoFile({ name: 'big.jpg', type: 'image/jpeg', size: MAX_PHOTO_INPUT_BYTES })).toBeNull();
  });
});

describe('fitWithin', () => {
  it.each([
    [4000, 3000, { width: 2048, height: 1536 }],
    [3000, 4000, { width: 1536, height: 2048 }],
    [800, 600, { width: 800, height: 600 }],
    [2048, 2048, { width: 2048, height: 2048 }],
    [10000, 1, { width: 2048, height: 1 }],
  ])('%d×%d → %j', (width, height, expected) => {
    expect(fitWithin(width, height)).toEqual(expected);
  });

  it('keeps the aspect ratio and never exceeds the edge', () => {
    for (const [w, h] of [
      [4032, 3024],
      [5000, 2813],
      [2049, 1000],
    ] as const) {
      const fitted = fitWithin(w, h);
      expect(Math.max(fitted.width, fitted.height)).toBe(MAX_PHOTO_EDGE_PX);
      expect(Math.abs(fitted.width / fitted.height - w / h)).toBeLessThan(0.01);
    }
  });

  it('honours a custom edge', () => {
    expect(fitWithin(1000, 500, 100)).toEqual({ width: 100, height: 50 });
  });
});
