import { Injectable } from '@nestjs/common';
import type { HealthCheck } from '@app/observability';
import { DataSource } from 'typeorm';

/** Readiness: the database answers a trivial query. */
@Injectable()
export class DatabaseHealthCheck implements HealthCheck {
  readonly name = 'database';
  constructor(private readonly ds: DataSource) {}

  async check(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
