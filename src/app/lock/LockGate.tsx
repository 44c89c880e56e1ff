import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LockController } from './createLockController';
import { LockScreen } from './LockScreen';
import { useIdleLock } from './useIdleLock';

interface LockGateProps {
  readonly controller: LockController;
  readonly signedIn: boolean;
  readonly onForgotten: () => Promise<void>;
  readonly children: ReactNode;
}

/**
 * Shows the app only when the device is open: no passcode, or the right one entered. While the
 * lock settings are read (a moment after opening) nothing is shown at all, so a locked
 * journal never flashes on screen.
 */
export function LockGate({ controller, signedIn, onForgotten, children }: LockGateProps) {
  const status = useStore(controller.store, (state) => state.status);
  useIdleLock(controller);
  if (status === 'checking') return <p className="lock-screen__opening">Opening Setwise…</p>;
  if (status === 'locked') return <LockScreen controller={controller} signedIn={signedIn} onForgotten={onForgotten} />;
  return <>{children}</>;
}
