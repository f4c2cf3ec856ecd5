import { REPORT_CATEGORIES, type ReportCategory } from './report-enums';
import { EnumField, ObjectField, StringField, TimestampField, UuidField } from './report-field.decorators';
import { AGENCY_ID_PATTERN, REPORT_LIMITS } from './report-limits';
import { ClassificationDto } from './report-parts.dto';

/** Fields every report has (docs/contract.md#reports); not published on its own. */
export abstract class ReportBaseDto {
  @UuidField({
    example: '0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69',
    description: 'Chosen by the publisher; the idempotency key',
  })
  eventId: string;

  @StringField(
    {
      max: 19,
      pattern: AGENCY_ID_PATTERN,
      patternHint: 'an agency id such as PK-ANF (country, dash, 2-16 upper-case letters or digits)',
    },
    {
      example: 'PK-ANF',
      description: '<ISO 3166-1 alpha-2>-<CODE>; must be the agency of the sending key',
    },
  )
  agencyId: string;

  @TimestampField({}, { example: '2026-03-14T09:05:00+05:00', description: 'RFC 3339 with a time zone' })
  reportedAt: string;

  @ObjectField(() => ClassificationDto)
  classification: ClassificationDto;

  @EnumField(REPORT_CATEGORIES, { enumName: 'ReportCategory', example: 'DRUGS' })
  category: ReportCategory;

  @StringField(
    { max: REPORT_LIMITS.maxNarrative, optional: true },
    {
      example: 'Consignment declared as dried fruit; packets found in a false floor.',
      description: 'Free text; never used for matching, shared only when the policy allows',
    },
  )
  narrative?: string;
}
