import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv } from '@app/config';

/** Environment of the Ingest gateway. */
export class IngestGatewayEnv extends CommonEnv {
  @IsInt({ message: 'must be an integer port number' })
  @Min(1)
  @Max(65535)
  INGEST_PORT: number = 3000;
}
