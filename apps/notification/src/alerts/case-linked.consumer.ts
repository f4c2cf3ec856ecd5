import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { CaseLinkedEvent, Topics, validateEvent } from '@app/contracts';
import { KafkaRecordProcessor } from '@app/kafka';
import { AlertIssuerService } from './alert-issuer.service';

const caseLinked = (plain: unknown) => validateEvent(CaseLinkedEvent, plain);

/** Kafka edge: validate each CaseLinked record, then issue its alerts once. */
@Controller()
export class CaseLinkedConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly issuer: AlertIssuerService,
  ) {}

  @EventPattern(Topics.CaseLinked)
  async onLinked(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.records.process(ctx, caseLinked, (event, meta) => this.issuer.onLink(event, meta));
  }
}
