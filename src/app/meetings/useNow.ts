import { useEffect, useState } from 'react';

/** The time now, refreshed every `intervalMs` while `ticking` (for a clock on screen). */
export function useNow(ticking: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}
