import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  Topics,
  validateRouteReport,
  validateSeizureReport,
  type RouteReportDto,
  type SeizureReportDto,
} from '@app/contracts';
import { KafkaBatchContext, KafkaRecordProcessor } from '@app/kafka';
import { incomingRoute, incomingSeizure } from './incoming-report';
import { ReportIntakeService } from './report-intake.service';

const seizure = (plain: unknown) => validateSeizureReport(plain);
const route = (plain: unknown) => validateRouteReport(plain);

/**
 * Kafka edge: the consumer hands over partition batches (KafkaBatchServer); each record is
 * validated with the contract DTO, and the valid ones are applied once, together, in one
 * transaction.
 */
@Controller()
export class ReportConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly intake: ReportIntakeService,
  ) {}

  @EventPattern(Topics.SeizureReported)
  async onSeizure(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch<SeizureReportDto>(ctx, seizure, async (items) => {
      await this.intake.applyBatch(items.map((i) => ({ report: incomingSeizure(i.value), meta: i.meta })));
    });
  }

  @EventPattern(Topics.RouteReported)
  async onRoute(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.records.processBatch<RouteReportDto>(ctx, route, async (items) => {
      await this.intake.applyBatch(items.map((i) => ({ report: incomingRoute(i.value), meta: i.meta })));
    });
  }
}
