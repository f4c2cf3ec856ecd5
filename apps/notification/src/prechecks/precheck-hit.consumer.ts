import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { PrecheckHitEvent, Topics, validateEvent } from '@app/contracts';
import { KafkaRecordProcessor } from '@app/kafka';
import { PrecheckAlertService } from './precheck-alert.service';

const precheckHit = (plain: unknown) => validateEvent(PrecheckHitEvent, plain);

/** Kafka edge: validate each PrecheckHit record (invalid ones go to the DLQ), then alert its owner once. */
@Controller()
export class PrecheckHitConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly alerts: PrecheckAlertService,
  ) {}

  @EventPattern(Topics.PrecheckHit)
  async onHit(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.records.process(ctx, precheckHit, (event, meta) => this.alerts.onHit(event, meta));
  }
}
