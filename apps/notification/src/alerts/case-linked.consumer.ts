import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { Topics } from '@app/contracts';
import { KafkaBatchContext, KafkaRecordProcessor } from '@app/kafka';
import { RequestSources } from '../requests/request-sources.service';
import { AlertIssuerService } from './alert-issuer.service';
import { validateCaseLinked } from './domain/case-linked.validation';

/** Kafka edge: validate each CaseLinked record, then issue the alerts of a batch of links once, together. */
@Controller()
export class CaseLinkedConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly issuer: AlertIssuerService,
    private readonly requestSources: RequestSources,
  ) {}

  @EventPattern(Topics.CaseLinked)
  async onLinked(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch(ctx, validateCaseLinked, async (items) => {
      // What requests for information may be answered from (docs/desk.md#what-is-kept), kept
      // before the alerts exist: a request is made from an alert, so its link's reports are there.
      await this.requestSources.keep(items.map((i) => i.value));
      await this.issuer.onLinks(items);
    });
  }
}
