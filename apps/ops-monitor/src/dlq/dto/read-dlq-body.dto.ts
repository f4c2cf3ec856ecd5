import { ApiProperty } from '@nestjs/swagger';

/** Body of POST /v1/dlq/{topic}/records/{partition}/{offset}/body (documentation; parsed by parseBodyReadRequest). */
export class ReadDlqBodyDto {
  @ApiProperty({
    description:
      'Why you read this body (free text, required, at most 1000 characters). Written to the disclosure ledger with your key id before the body is shown.',
    example:
      'INC-2231: correlation dead-letters every PK-FIA report since 09:10; checking the field it names',
  })
  reason!: string;
}
