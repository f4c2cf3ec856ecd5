import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { Topics, validateRouteReport, validateSeizureReport } from '@app/contracts';
import { KafkaRecordProcessor } from '@app/kafka';
import { ReportCopyService } from './report-copy.service';

const seizure = (plain: unknown) => validateSeizureReport(plain);
const route = (plain: unknown) => validateRouteReport(plain);

/** Kafka edge: keep a validated copy of every report (what alerts may disclose). */
@Controller()
export class ReportCopyConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly reports: ReportCopyService,
  ) {}

  @EventPattern(Topics.SeizureReported)
  async onSeizure(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.records.process(ctx, seizure, (r) => this.reports.store('seizure', r));
  }

  @EventPattern(Topics.RouteReported)
  async onRoute(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.records.process(ctx, route, (r) => this.reports.store('route', r));
  }
}
