import type { INestApplicationContext } from '@nestjs/common';
import { IdentityStore } from '@app/identity';

/** Which key to make: its role and agency (null for an operator). */
export type KeyGrant = readonly [role: string, agencyId: string | null];

/** Creates an API key for each name through the service's identity store; resolves with the keys by name. */
export async function createKeys<K extends string>(
  app: Pick<INestApplicationContext, 'get'>,
  grants: Record<K, KeyGrant>,
): Promise<Record<K, string>> {
  const identity = app.get(IdentityStore);
  const keys = {} as Record<K, string>;
  for (const [name, [role, agencyId]] of Object.entries(grants) as [K, KeyGrant][]) {
    keys[name] = (await identity.createKey({ role, agencyId })).key;
  }
  return keys;
}
