import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One report as received from Kafka (seizure or route), kept verbatim for the case API and audits. */
@Entity({ name: 'report' })
@Index(['agencyId', 'kind', 'caseRef'])
export class ReportEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  kind: 'seizure' | 'route';

  @Column('text', { name: 'agency_id' })
  agencyId: string;

  @Column('text', { name: 'case_ref' })
  caseRef: string;

  @Column('uuid', { name: 'agency_case_id' })
  agencyCaseId: string;

  @Column('jsonb')
  body: unknown;

  @Column('timestamptz', { name: 'reported_at' })
  reportedAt: Date;

  @Column('text')
  topic: string;

  @Column('int')
  partition: number;

  @Column('bigint')
  offset: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
