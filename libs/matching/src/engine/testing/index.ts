// Linking over memory, for unit tests and quality evaluations (docs/matching.md). Not part of
// the production build: the service links over PostgreSQL.
export { InMemoryLinkingRepository, cappedCount, casesPerAgency } from './in-memory-linking.repository';
export type { StoredCluster, StoredLink } from './in-memory-linking.repository';
export { linkReports } from './link-reports';
export type { LinkedReports, LinkReportsOptions } from './link-reports';
