/** How long the object URL stays valid after the click: long enough for any browser to start saving. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves a Blob as a file through the browser's own download (no network): an object URL and a
 * temporary <a download>, clicked and removed. Kept apart so components can be tested with it mocked.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers (Safari); the Blob is freed later.
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
