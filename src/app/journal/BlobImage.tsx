import { useEffect, useState } from 'react';

/** Shows a Blob as an image, releasing its object URL when no longer shown. */
export function BlobImage({ blob, alt }: { blob: Blob | undefined; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return url ? <img src={url} alt={alt} /> : <span className="muted">Loading photo…</span>;
}
