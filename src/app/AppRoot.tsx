import { createAccountApi, type AccountApi } from './account/accountApi';
import { AccountScope } from './account/AccountScope';
import { AppRoutes } from './AppRoutes';
import { AppLayout } from './shell/AppLayout';
import { UpdatePrompt } from './shell/UpdatePrompt';

const defaultAccountApi = createAccountApi();

/** The whole app for whoever is signed in on this device (see AccountScope). */
export function AppRoot({ accountApi = defaultAccountApi }: { accountApi?: AccountApi }) {
  return (
    <AccountScope accountApi={accountApi}>
      <AppLayout updatePrompt={<UpdatePrompt />}>
        <AppRoutes />
      </AppLayout>
    </AccountScope>
  );
}
