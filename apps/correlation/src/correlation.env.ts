import { IsInt, IsNumber, IsString, Max, Min } from 'class-validator';
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
  CORRELATION_CONCURRENCY: number = 6;

  /**
   * Most report records applied per database transaction (one partition's consecutive
   * records). Larger batches cost fewer round trips per report; 1 applies records one by one.
   */
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(1000)
  CORRELATION_BATCH_SIZE: number = 200;

  /** Score in [0,1] at or above which two agency cases are linked. */
  @IsNumber({}, { message: 'must be a number between 0 and 1' })
  @Min(0)
  @Max(1)
  CORRELATION_LINK_THRESHOLD: number = 0.9;

  /** A value carried by more agency cases than this stops counting (placeholder phones, common plates). */
  @IsInt({ message: 'must be an integer' })
  @Min(2)
  CORRELATION_MAX_VALUE_FREQUENCY: number = 50;

  /** Sharing policy (contract §6) that decides what other agencies see of a case. */
  @IsString()
  SHARING_POLICY_FILE: string = 'deploy/policy/sharing-policy.json';
}
