import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { Topics, validateRouteReport, validateSeizureReport } from '@app/contracts';
import { KafkaRecordProcessor } from '@app/kafka';
import { incomingRoute, incomingSeizure } from './incoming-report';
import { ReportIntakeService } from './report-intake.service';

const seizure = (plain: unknown) => validateSeizureReport(plain);
const route = (plain: unknown) => validateRouteReport(plain);

/** Kafka edge: validate each report record with the contract DTO, then apply it once. */
@Controller()
export class ReportConsumer {
  constructor(
    private readonly records: KafkaRecordProcessor,
    private readonly intake: ReportIntakeService,
  ) {}

  @EventPattern(Topics.SeizureReported)
  async onSeizure(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.records.process(ctx, seizure, async (r, meta) => {
      await this.intake.apply(incomingSeizure(r), meta);
    });
  }

  @EventPattern(Topics.RouteReported)
  async onRoute(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.records.process(ctx, route, async (r, meta) => {
      await this.intake.apply(incomingRoute(r), meta);
    });
  }
}
