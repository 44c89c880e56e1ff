import { useEffect, useState } from 'react';

/** Shows a Blob as an image, releasing its object URL when no longer shown. */
export function BlobImage({ blob, alt }: { blob: Blob | undefined; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an object URL is an external resource, created and revoked in step with the blob
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return url ? <img src={url} alt={alt} /> : <span className="muted">Loading photo…</span>;
}
