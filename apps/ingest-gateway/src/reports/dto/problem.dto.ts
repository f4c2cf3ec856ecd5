import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One bad field of a request. */
export class FieldErrorDto {
  @ApiProperty({
    example: 'commodities[0].quantity',
    description: 'JSON path of the field ($ for the whole report)',
  })
  path: string;

  @ApiProperty({ example: 'must be greater than 0' })
  message: string;
}

/** RFC 9457 problem details (application/problem+json), the one error shape of the API. */
export class ProblemDto {
  @ApiProperty({ example: 'https://border-intel.example/problems/validation' })
  type: string;

  @ApiProperty({ example: 'Invalid report' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: '2 problems found; see errors[] for each field' })
  detail: string;

  @ApiPropertyOptional({ example: '/v1/seizures' })
  instance?: string;

  @ApiPropertyOptional({ type: () => FieldErrorDto, isArray: true, description: 'Every bad field, at once' })
  errors?: FieldErrorDto[];
}
