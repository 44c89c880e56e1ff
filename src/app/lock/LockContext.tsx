import { createContext, useContext, type ReactNode } from 'react';
import type { LockController } from './createLockController';

const LockContext = createContext<LockController | null>(null);

export function LockProvider({ controller, children }: { readonly controller: LockController; readonly children: ReactNode }) {
  return <LockContext.Provider value={controller}>{children}</LockContext.Provider>;
}

/** This device's passcode lock, for Settings and the lock screen. */
export function useLockController(): LockController {
  const controller = useContext(LockContext);
  if (!controller) throw new Error('useLockController must be used inside <LockProvider>');
  return controller;
}
