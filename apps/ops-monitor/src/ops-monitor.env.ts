import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv } from '@app/config';

/** Environment of the Ops monitor. */
export class OpsMonitorEnv extends CommonEnv {
  @IsInt({ message: 'must be an integer port number' })
  @Min(1)
  @Max(65535)
  OPS_PORT: number = 3003;
}
