import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { APP_CONFIG } from '@app/config';
import type { NotificationEnv } from '../notification.env';
import {
  AllowedNetworks,
  checkWebhookAddress,
  type AddressDecision,
  type HostResolver,
  type ResolvedAddress,
} from './domain/webhook-address';

/** Injection token of the HostResolver webhooks use (tests give a fake one). */
export const WEBHOOK_RESOLVER = Symbol('WebhookResolver');

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), every address of a name. */
export const systemResolver: HostResolver = {
  async lookup(hostname: string): Promise<ResolvedAddress[]> {
    const found = await lookup(hostname, { all: true, verbatim: true });
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  },
};

/**
 * Where webhooks may go (docs/security.md#webhooks): checks a URL when it is subscribed and
 * again before every attempt, with the operator's allowlist (WEBHOOK_ALLOWED_NETWORKS).
 */
@Injectable()
export class WebhookAddressGuard {
  private readonly allowed: AllowedNetworks;

  constructor(
    @Inject(APP_CONFIG) env: Pick<NotificationEnv, 'WEBHOOK_ALLOWED_NETWORKS'>,
    @Inject(WEBHOOK_RESOLVER) private readonly resolver: HostResolver,
  ) {
    this.allowed = AllowedNetworks.parse(env.WEBHOOK_ALLOWED_NETWORKS);
  }

  check(url: string): Promise<AddressDecision> {
    return checkWebhookAddress(url, this.allowed, this.resolver);
  }
}
