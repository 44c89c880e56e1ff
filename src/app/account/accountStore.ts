import { z } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * Who is signed in on this device. Persisted (localStorage) so the app opens the right
 * person's local database offline, for days; the session itself is an httpOnly cookie the
 * app never sees. The CSRF token is kept in memory only and fetched again when online.
 */
export const accountSchema = z.object({
  userId: z.string().min(1),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});
export type Account = z.infer<typeof accountSchema>;

const persistedSchema = z.object({ account: accountSchema.nullable().catch(null).default(null) });

interface AccountState {
  readonly account: Account | null;
  readonly csrfToken: string | null;
  /** True when the server said the session is gone: the app keeps working and asks to sign in. */
  readonly sessionExpired: boolean;
  /**
   * Moves on when a person's data was removed from this device (or removing it failed half
   * way), so AccountScope opens the local database afresh even when who is signed in stays the
   * same. In memory only.
   */
  readonly localDataGeneration: number;
  signedIn(account: Account, csrfToken: string): void;
  sessionConfirmed(csrfToken: string): void;
  sessionLost(): void;
  signedOut(): void;
  /** The signed-in person's data is gone from this device: signed out, and the screens reopen. */
  removedFromDevice(): void;
  /** Open the local database afresh (after removing someone's data stopped part way). */
  reopenLocalData(): void;
}

export const ACCOUNT_STORAGE_KEY = 'setwise.account';

export const useAccountStore = create<AccountState>()(
  persist(
    (set) => ({
      account: null,
      csrfToken: null,
      sessionExpired: false,
      localDataGeneration: 0,
      signedIn: (account, csrfToken) => set({ account, csrfToken, sessionExpired: false }),
      sessionConfirmed: (csrfToken) => set({ csrfToken, sessionExpired: false }),
      sessionLost: () => set({ csrfToken: null, sessionExpired: true }),
      signedOut: () => set({ account: null, csrfToken: null, sessionExpired: false }),
      removedFromDevice: () =>
        set((state) => ({ account: null, csrfToken: null, sessionExpired: false, localDataGeneration: state.localDataGeneration + 1 })),
      reopenLocalData: () => set((state) => ({ localDataGeneration: state.localDataGeneration + 1 })),
    }),
    {
      name: ACCOUNT_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ account: state.account }),
      merge: (persisted, current) => ({ ...current, ...persistedSchema.parse(persisted ?? {}) }),
    },
  ),
);

// Another tab signed in or out: follow it, so this tab does not keep writing into a database
// that was just adopted or removed. (The storage event only fires in the other tabs.)
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === ACCOUNT_STORAGE_KEY) void useAccountStore.persist.rehydrate();
  });
}

/** The local database of whoever is signed in; records written signed-out live in 'setwise'. */
export function databaseNameFor(account: Account | null): string {
  return account ? `setwise-user-${account.userId}` : 'setwise';
}
