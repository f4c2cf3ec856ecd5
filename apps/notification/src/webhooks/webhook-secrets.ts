import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG } from '@app/config';
import type { NotificationEnv } from '../notification.env';
import { generateWebhookSecret } from './domain';
import { openSecret, sealSecret } from './domain/secret-box';

/** Generates, seals and opens webhook secrets with WEBHOOK_SECRET_KEY (AES-256-GCM at rest). */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer | null;

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
}
