import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaBatchContext, KafkaRecordProcessor } from '@app/kafka';
import { AlertIssuerService } from './alert-issuer.service';
import { validateCaseLinked } from './domain/case-linked.validation';

/** Kafka edge: validate each CaseLinked record, then issue the alerts of a batch of links once, together. */
@Controller()
export class CaseLinkedConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly issuer: AlertIssuerService,
  ) {}

  @EventPattern(Topics.CaseLinked)
  async onLinked(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch(ctx, validateCaseLinked, (items) => this.issuer.onLinks(items));
  }
}
