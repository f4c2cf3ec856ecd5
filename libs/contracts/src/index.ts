// The contracts lib's public API: topics and headers, report DTOs and their validation,
// the crossing-point gazetteer, and RFC 9457 problem bodies.
export {
  Topics,
  type TopicName,
  dlqTopicOf,
  TopicPartitions,
  TopicConfigs,
  allTopicSpecs,
  type TopicSpecification,
  Headers,
  EventTypes,
} from './topics/topics';
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
  AGENCY_ID_PATTERN,
  COUNTRY_CODE_PATTERN,
  REPORT_LIMITS,
  agencyCountry,
  ClassificationDto,
  CommodityDto,
  ConveyanceDto,
  DeclaredRouteDto,
  LocationDto,
  OrganisationDto,
  PersonDocumentDto,
  PersonDto,
  SeizureReportDto,
  IndicatorPlateDto,
  RouteIndicatorsDto,
  RouteReportDto,
  WaypointDto,
  REPORT_DTOS,
  isCertainlyValidDto,
  checkReport,
  validateReport,
  validateRouteReport,
  validateSeizureReport,
  flattenValidationErrors,
} from './reports';
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
  ReportValidation,
} from './reports';
export { CROSSING_POINT_KINDS, Gazetteer, defaultGazetteer, normalisePlaceName } from './gazetteer';
export type { CrossingPoint, CrossingPointKind } from './gazetteer';
export { MAX_LISTED_ERRORS, problem, problemType, problemTypeForStatus, validationProblem } from './problem';
export type { FieldError, ProblemDetails } from './problem';
export {
  CaseLinkedEvent,
  LinkedAgencyCase,
  LinkedReport,
  LinkReason,
  CappedValueView,
  ClusterMerge,
} from './events/case-linked';
export { validateEvent } from './events/validate-event';
export { PRECHECK_FEATURES, PrecheckHitEvent, type PrecheckFeature } from './events/precheck-hit';
