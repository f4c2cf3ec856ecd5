import { Module } from '@nestjs/common';
import { SharingPolicyModule } from '@app/sharing-policy';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** The case API. */
@Module({
  imports: [SharingPolicyModule],
  controllers: [CasesController],
  providers: [CasesRepository, CasesService],
})
export class CasesModule {}
