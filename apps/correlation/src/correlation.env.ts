import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv } from '@app/config';

/** Environment of the correlation service. */
export class CorrelationEnv extends CommonEnv {
  @IsInt({ message: 'must be an integer port number' })
  @Min(1)
  @Max(65535)
  CORRELATION_PORT: number = 3001;

  /** Partitions a single instance processes concurrently. */
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(64)
  CORRELATION_CONCURRENCY: number = 3;
}
