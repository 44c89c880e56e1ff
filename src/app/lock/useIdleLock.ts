import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { LockController } from './createLockController';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;
const CHECK_EVERY_MS = 10_000;

/**
 * Locks the app after `idleMinutes` without a touch, a click or a key, and when it comes back
 * after longer than that in the background (a sleeping tablet pauses timers, so coming back is
 * checked too, not only the timer).
 */
export function useIdleLock(controller: LockController, now: () => number = Date.now): void {
  const status = useStore(controller.store, (state) => state.status);
  const idleMinutes = useStore(controller.store, (state) => state.idleMinutes);

  useEffect(() => {
    if (status !== 'unlocked') return;
    const limitMs = idleMinutes * 60_000;
    let lastActivity = now();
    let hiddenAt: number | null = null;
    const noteActivity = () => {
      lastActivity = now();
    };
    const check = () => {
      if (now() - lastActivity >= limitMs) controller.lockNow();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = now();
        return;
      }
      if (hiddenAt !== null && now() - hiddenAt >= limitMs) controller.lockNow();
      else check();
      hiddenAt = null;
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, noteActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, noteActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(timer);
    };
  }, [controller, status, idleMinutes, now]);
}
