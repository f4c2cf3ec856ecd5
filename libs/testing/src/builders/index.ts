export { ReportBuilder } from './report.builder';
export { SAMPLE_CONTAINER_NUMBER, SeizureReportBuilder } from './seizure-report.builder';
export { RouteReportBuilder } from './route-report.builder';
export { deletePath, getPath, parsePath, setPath } from './json-path';
export type { PathSegment } from './json-path';
