import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { PrecheckHitEvent, Topics, validateEvent } from '@app/contracts';
import { KafkaBatchContext, KafkaRecordProcessor } from '@app/kafka';
import { PrecheckAlertService } from './precheck-alert.service';

const precheckHit = (plain: unknown) => validateEvent(PrecheckHitEvent, plain);

/**
 * Kafka edge: validate each PrecheckHit record (invalid ones go to the DLQ), then alert its
 * owner once per hit (one transaction per hit: hits are rare next to reports and links).
 */
@Controller()
export class PrecheckHitConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly alerts: PrecheckAlertService,
  ) {}

  @EventPattern(Topics.PrecheckHit)
  async onHit(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch(ctx, precheckHit, async (items) => {
      for (const { value, meta } of items) await this.alerts.onHit(value, meta);
    });
  }
}
