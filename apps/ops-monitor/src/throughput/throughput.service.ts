import { Inject, Injectable } from '@nestjs/common';
import { LagSampleRepository } from '../lag/lag-sample.repository';
import { throughputOf, type Throughput } from './domain';

/** GET /v1/throughput. */
export interface ThroughputView extends Throughput {
  minutes: number;
  /** Epoch ms the window ends at (the database's clock). */
  now: number;
}

/** Throughput per topic and per group from the stored lag samples. */
@Injectable()
export class ThroughputService {
  constructor(@Inject(LagSampleRepository) private readonly samples: LagSampleRepository) {}

  async over(minutes: number): Promise<ThroughputView> {
    const { now, value } = await this.samples.spans(minutes);
    return { minutes, now, ...throughputOf(value) };
  }
}
