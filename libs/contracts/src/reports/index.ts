export { PERSON_ROLES, REPORT_CATEGORIES, TLP_LEVELS, isProtectedRole } from './report-enums';
export type {
  CommodityType,
  ConfidenceLevel,
  DocumentType,
  PersonRole,
  ReportCategory,
  ReportKind,
  TlpLevel,
} from './report-enums';
export { AGENCY_ID_PATTERN, COUNTRY_CODE_PATTERN, REPORT_LIMITS, agencyCountry } from './report-limits';
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
export { flattenValidationErrors } from './validation-errors';
export { isCertainlyValidDto, checkReport, validateReport } from './validate-report';
export type { ReportValidation } from './validate-report';
