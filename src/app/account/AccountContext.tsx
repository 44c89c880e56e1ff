import { createContext, useContext, type ReactNode } from 'react';
import type { AccountApi } from './accountApi';
import type { AppServices } from './createAppServices';

interface AccountContextValue {
  readonly api: AccountApi;
  readonly services: AppServices;
}

const AccountContext = createContext<AccountContextValue | null>(null);

export function AccountProvider({ value, children }: { value: AccountContextValue; children: ReactNode }) {
  return <AccountContext.Provider value={value}>{children}</AccountContext.Provider>;
}

/** The account API and this person's services (sync engine), for the account screens. */
export function useAccountServices(): AccountContextValue {
  const value = useContext(AccountContext);
  if (!value) throw new Error('useAccountServices must be used inside <AccountProvider>');
  return value;
}
