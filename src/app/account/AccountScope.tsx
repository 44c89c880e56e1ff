import { useEffect, useMemo, type ReactNode } from 'react';
import { RepositoryProvider } from '../db/RepositoryContext';
import type { AccountApi } from './accountApi';
import { AccountProvider } from './AccountContext';
import { useAccountStore, type Account } from './accountStore';
import { createAppServices } from './createAppServices';

interface ServicesScopeProps {
  readonly account: Account | null;
  readonly accountApi: AccountApi;
  readonly children: ReactNode;
}

function ServicesScope({ account, accountApi, children }: ServicesScopeProps) {
  const services = useMemo(() => createAppServices(account, accountApi), [account, accountApi]);
  useEffect(() => {
    services.start();
    return () => {
      services.stop();
      services.closeForNow();
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

/**
 * Opens the local database of whoever is signed in on this device (or the signed-out one) and,
 * when signed in, runs sync. Switching account switches database — and remounts everything
 * below, so no screen keeps showing the previous person's records on a shared tablet. So does
 * removing someone's data from the device: everything is opened afresh.
 */
export function AccountScope({ accountApi, children }: { readonly accountApi: AccountApi; readonly children: ReactNode }) {
  const account = useAccountStore((state) => state.account);
  const generation = useAccountStore((state) => state.localDataGeneration);
  return (
    <ServicesScope key={generation} account={account} accountApi={accountApi}>
      {children}
    </ServicesScope>
  );
}
