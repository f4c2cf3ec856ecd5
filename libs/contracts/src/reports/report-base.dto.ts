import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_CATEGORIES, type ReportCategory } from './report-enums';
import { EnumField, ObjectField, StringField, TimestampField, UuidField } from './report-field.decorators';
import { AGENCY_ID_PATTERN, REPORT_LIMITS } from './report-limits';
import { ClassificationDto } from './report-parts.dto';

/** Fields every report has (docs/contract.md#reports); not published on its own. */
export abstract class ReportBaseDto {
  @ApiProperty({
    format: 'uuid',
    example: '0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69',
    description: 'Chosen by the publisher; the idempotency key',
  })
  @UuidField()
  eventId: string;

  @ApiProperty({
    pattern: AGENCY_ID_PATTERN.source,
    maxLength: 19,
    example: 'PK-ANF',
    description: '<ISO 3166-1 alpha-2>-<CODE>; must be the agency of the sending key',
  })
  @StringField({
    max: 19,
    pattern: AGENCY_ID_PATTERN,
    patternHint: 'an agency id such as PK-ANF (country, dash, 2-16 upper-case letters or digits)',
  })
  agencyId: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-03-14T09:05:00+05:00',
    description: 'RFC 3339 with a time zone',
  })
  @TimestampField()
  reportedAt: string;

  @ApiProperty({ type: () => ClassificationDto })
  @ObjectField(() => ClassificationDto)
  classification: ClassificationDto;

  @ApiProperty({ enum: [...REPORT_CATEGORIES], enumName: 'ReportCategory', example: 'DRUGS' })
  @EnumField(REPORT_CATEGORIES)
  category: ReportCategory;

  @ApiPropertyOptional({
    maxLength: REPORT_LIMITS.maxNarrative,
    example: 'Consignment declared as dried fruit; packets found in a false floor.',
    description: 'Free text; never used for matching, shared only when the policy allows',
  })
  @StringField({ max: REPORT_LIMITS.maxNarrative, optional: true })
  narrative?: string;
}
