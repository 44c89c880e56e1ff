import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { RepositoryProvider } from '../db/RepositoryContext';
import type { AccountApi } from './accountApi';
import { AccountProvider } from './AccountContext';
import { useAccountStore, type Account } from './accountStore';
import { createAppServices } from './createAppServices';
import { LockGate } from '../lock/LockGate';
import { LockProvider } from '../lock/LockContext';
import { useAccountNoticeStore } from './accountNoticeStore';
import { removeUserDataFromDevice } from './removeUserDataFromDevice';

interface ServicesScopeProps {
  readonly account: Account | null;
  readonly accountApi: AccountApi;
  readonly children: ReactNode;
}

function ServicesScope({ account, accountApi, children }: ServicesScopeProps) {
  const services = useMemo(() => createAppServices(account, accountApi), [account, accountApi]);
  const status = useStore(services.lock.store, (state) => state.status);
  const open = status === 'off' || status === 'unlocked';
  useEffect(() => {
    void services.lock.initialise();
  }, [services]);
  // Sync runs only while the device is open: locking stops it and closes the database (which
  // drops Dexie's in-memory copies); unlocking starts it again (docs/decisions/016).
  useEffect(() => {
    if (!open) return;
    services.start();
    return () => {
      services.stop();
      services.closeForNow();
    };
  }, [services, open]);

  const forgotten = useCallback(async () => {
    await removeUserDataFromDevice(account);
    if (account) useAccountNoticeStore.getState().tell('This tablet’s locked copy has been removed. Sign in again to download your writing.');
  }, [account]);

  return (
    <LockProvider controller={services.lock}>
      <AccountProvider value={{ api: accountApi, services }}>
        <LockGate controller={services.lock} signedIn={account !== null} onForgotten={forgotten}>
          <RepositoryProvider key={services.db.name} repositories={services.repositories}>
            {children}
          </RepositoryProvider>
        </LockGate>
      </AccountProvider>
    </LockProvider>
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
