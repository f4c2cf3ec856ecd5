import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes, type KeyObject } from 'node:crypto';
import { APP_CONFIG } from '@app/config';
import type { NotificationEnv } from '../notification.env';
import { generateWebhookSecret, webhookSigningKey } from './domain';
import { openSecret, sealSecret } from './domain/secret-box';

/** Generates, seals and opens webhook secrets with WEBHOOK_SECRET_KEY (AES-256-GCM at rest). */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer | null;
  /** Signing keys opened before, by sealed secret (each attempt would otherwise decrypt and import it again). */
  private readonly signingKeys = new Map<string, KeyObject>();
  /** Most signing keys kept (a few per subscription); past it the map starts again. */
  static readonly MAX_SIGNING_KEYS = 1000;

  constructor(@Inject(APP_CONFIG) env: Pick<NotificationEnv, 'WEBHOOK_SECRET_KEY'>) {
    this.key = env.WEBHOOK_SECRET_KEY ? Buffer.from(env.WEBHOOK_SECRET_KEY, 'base64') : null;
    if (!this.key) {
      new Logger(WebhookSecrets.name).warn(
        'WEBHOOK_SECRET_KEY is not set: webhook secrets are stored unencrypted (set it to seal them with AES-256-GCM)',
      );
    }
  }

  /** A new secret (32 random bytes) and its sealed form for the database. */
  create(): { secret: string; sealed: string } {
    const secret = generateWebhookSecret(randomBytes(32));
    return { secret, sealed: sealSecret(secret, this.key) };
  }

  open(sealed: string): string {
    return openSecret(sealed, this.key);
  }

  /** The HMAC key of a sealed secret, for signing (opened once, then kept as a KeyObject). */
  signingKey(sealed: string): KeyObject {
    let key = this.signingKeys.get(sealed);
    if (key === undefined) {
      key = webhookSigningKey(this.open(sealed));
      if (this.signingKeys.size >= WebhookSecrets.MAX_SIGNING_KEYS) this.signingKeys.clear();
      this.signingKeys.set(sealed, key);
    }
    return key;
  }
}
