import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  Topics,
  validateRouteReport,
  validateSeizureReport,
  type RouteReportDto,
  type SeizureReportDto,
} from '@app/contracts';
import { RecordProducerVerifier, reportProducerCheck } from '@app/identity';
import { KafkaBatchContext, KafkaRecordProcessor, type RecordAuthenticator } from '@app/kafka';
import { ReportCopyService } from './report-copy.service';

const seizure = (plain: unknown) => validateSeizureReport(plain);
const route = (plain: unknown) => validateRouteReport(plain);

/**
 * Kafka edge: keep a validated copy of every report (what alerts may disclose), a batch at a time;
 * like correlation, only of reports signed by the agency they name (RECORD_SIGNATURES).
 */
@Controller()
export class ReportCopyConsumer {
  private readonly producedBy: RecordAuthenticator<{ agencyId: string }>;

  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly reports: ReportCopyService,
    verifier: RecordProducerVerifier,
  ) {
    this.producedBy = reportProducerCheck(verifier);
  }

  @EventPattern(Topics.SeizureReported)
  async onSeizure(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch<SeizureReportDto>(
      ctx,
      seizure,
      (items) =>
        this.reports.store(
          'seizure',
          items.map((i) => i.value),
        ),
      this.producedBy,
    );
  }

  @EventPattern(Topics.RouteReported)
  async onRoute(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch<RouteReportDto>(
      ctx,
      route,
      (items) =>
        this.reports.store(
          'route',
          items.map((i) => i.value),
        ),
      this.producedBy,
    );
  }
}
