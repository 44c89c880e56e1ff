import { useEffect, useMemo } from 'react';
import { createAccountApi, type AccountApi } from './account/accountApi';
import { AccountProvider } from './account/AccountContext';
import { useAccountStore } from './account/accountStore';
import { createAppServices } from './account/createAppServices';
import { AppRoutes } from './AppRoutes';
import { RepositoryProvider } from './db/RepositoryContext';
import { AppLayout } from './shell/AppLayout';
import { UpdatePrompt } from './shell/UpdatePrompt';

const defaultAccountApi = createAccountApi();

/**
 * Opens the local database of whoever is signed in on this device (or the signed-out one) and,
 * when signed in, runs sync. Switching account switches database: one person never sees
 * another's records on a shared tablet.
 */
export function AppRoot({ accountApi = defaultAccountApi }: { accountApi?: AccountApi }) {
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
        <AppLayout updatePrompt={<UpdatePrompt />}>
          <AppRoutes />
        </AppLayout>
      </RepositoryProvider>
    </AccountProvider>
  );
}
