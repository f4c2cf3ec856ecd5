import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { CaseLinkedEvent, Topics, validateEvent } from '@app/contracts';
import { KafkaBatchContext, KafkaRecordProcessor } from '@app/kafka';
import { AlertIssuerService } from './alert-issuer.service';

const caseLinked = (plain: unknown) => validateEvent(CaseLinkedEvent, plain);

/** Kafka edge: validate each CaseLinked record, then issue the alerts of a batch of links once, together. */
@Controller()
export class CaseLinkedConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly issuer: AlertIssuerService,
  ) {}

  @EventPattern(Topics.CaseLinked)
  async onLinked(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch(ctx, caseLinked, (items) => this.issuer.onLinks(items));
  }
}
