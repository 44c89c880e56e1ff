import { useEffect, useMemo, type ReactNode } from 'react';
import { RepositoryProvider } from '../db/RepositoryContext';
import type { AccountApi } from './accountApi';
import { AccountProvider } from './AccountContext';
import { useAccountStore } from './accountStore';
import { createAppServices } from './createAppServices';

/**
 * Opens the local database of whoever is signed in on this device (or the signed-out one) and,
 * when signed in, runs sync. Switching account switches database — and remounts everything
 * below, so no screen keeps showing the previous person's records on a shared tablet.
 */
export function AccountScope({ accountApi, children }: { readonly accountApi: AccountApi; readonly children: ReactNode }) {
  const account = useAccountStore((state) => state.account);
  const services = useMemo(() => createAppServices(account, accountApi), [account, accountApi]);
  useEffect(() => {
    services.start();
    return () => {
      services.stop();
      // Reopens by itself if used again (React may re-run this effect in development).
      services.db.close({ disableAutoOpen: false });
    };
  }, [services]);

  return (
    <AccountProvider value={{ api: accountApi, services }}>
      <RepositoryProvider key={services.db.name} repositories={services.repositories}>
        {children}
      </RepositoryProvider>
    </AccountProvider>
  );
}
