import { IdentityStore } from '@app/identity';

/** Opens the identity store for one CLI command; a CLI runs one statement at a time, so a small pool. */
export function openIdentityStore(databaseUrl: string): Promise<IdentityStore> {
  return IdentityStore.open(databaseUrl, 2);
}
