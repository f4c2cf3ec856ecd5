import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** One agency's case (agencyCaseRef or routeRef) with every report filed under it merged. */
@Entity({ name: 'agency_case' })
@Unique(['agencyId', 'kind', 'caseRef'])
export class AgencyCaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'agency_id' })
  agencyId: string;

  @Column('text')
  kind: 'seizure' | 'route';

  @Column('text', { name: 'case_ref' })
  caseRef: string;

  @Column('int', { name: 'report_count' })
  reportCount: number;

  @Column('timestamptz', { name: 'first_seen_at' })
  firstSeenAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
