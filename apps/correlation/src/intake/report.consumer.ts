import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { Topics, validateReport, type RouteReportDto, type SeizureReportDto } from '@app/contracts';
import { RecordProducerVerifier, reportProducerCheck } from '@app/identity';
import { KafkaBatchContext, KafkaRecordProcessor, type RecordAuthenticator } from '@app/kafka';
import { incomingRoute, incomingSeizure } from './incoming-report';
import { ReportIntakeService } from './report-intake.service';

const seizure = (plain: unknown) => validateReport('seizure', plain);
const route = (plain: unknown) => validateReport('route', plain);

/**
 * Kafka edge: the consumer hands over partition batches (KafkaBatchServer); each record is
 * validated with the contract DTO and checked against the agency it claims (its producer
 * signature, RECORD_SIGNATURES), and the valid ones are applied once, together, in one
 * transaction. A record refused goes to the DLQ with the reason.
 */
@Controller()
export class ReportConsumer {
  private readonly producedBy: RecordAuthenticator<{ agencyId: string }>;

  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly intake: ReportIntakeService,
    verifier: RecordProducerVerifier,
  ) {
    this.producedBy = reportProducerCheck(verifier);
  }

  @EventPattern(Topics.SeizureReported)
  async onSeizure(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch<SeizureReportDto>(
      ctx,
      seizure,
      async (items) => {
        await this.intake.applyBatch(items.map((i) => ({ report: incomingSeizure(i.value), meta: i.meta })));
      },
      this.producedBy,
    );
  }

  @EventPattern(Topics.RouteReported)
  async onRoute(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch<RouteReportDto>(
      ctx,
      route,
      async (items) => {
        await this.intake.applyBatch(items.map((i) => ({ report: incomingRoute(i.value), meta: i.meta })));
      },
      this.producedBy,
    );
  }
}
