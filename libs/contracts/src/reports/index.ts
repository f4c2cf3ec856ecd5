export {
  COMMODITY_TYPES,
  CONFIDENCE_LEVELS,
  CONVEYANCE_KINDS,
  DOCUMENT_TYPES,
  PERSON_ROLES,
  PROTECTED_PERSON_ROLES,
  QUANTITY_UNITS,
  REPORT_CATEGORIES,
  REPORT_KINDS,
  TLP_LEVELS,
  WAYPOINT_ROLES,
  isProtectedRole,
} from './report-enums';
export type {
  CommodityType,
  ConfidenceLevel,
  ConveyanceKind,
  DocumentType,
  PersonRole,
  ProtectedPersonRole,
  QuantityUnit,
  ReportCategory,
  ReportKind,
  TlpLevel,
  WaypointRole,
} from './report-enums';
export { AGENCY_ID_PATTERN, COUNTRY_CODE_PATTERN, REPORT_LIMITS, agencyCountry } from './report-limits';
export {
  FULL_DATE_YEARS,
  TIMESTAMP_RANGE,
  hasUnstorableText,
  isRfc3339FullDate,
  isRfc3339Timestamp,
} from './rfc3339';
export { ReportBaseDto } from './report-base.dto';
export {
  ClassificationDto,
  CommodityDto,
  ConveyanceDto,
  DeclaredRouteDto,
  LocationDto,
  OrganisationDto,
  PersonDocumentDto,
  PersonDto,
} from './report-parts.dto';
export { SeizureReportDto } from './seizure-report.dto';
export { IndicatorPlateDto, RouteIndicatorsDto, RouteReportDto, WaypointDto } from './route-report.dto';
export { ROOT_PATH, flattenValidationErrors } from './validation-errors';
export {
  REPORT_DTOS,
  REPORT_TRANSFORM_OPTIONS,
  REPORT_VALIDATOR_OPTIONS,
  isCertainlyValidDto,
  checkReport,
  validateReport,
} from './validate-report';
export type { ReportValidation, ValidateReportOptions } from './validate-report';
