import type { CommodityDto, DocumentType, PersonDto, SeizureReportDto } from '@app/contracts';
import { ReportBuilder } from './report.builder';

/** A container number with a valid ISO 6346 check digit (the standard's own example). */
export const SAMPLE_CONTAINER_NUMBER = 'CSQU3054383';

/**
 * Test data for SeizureReports: `SeizureReportBuilder.valid().withPlate('KBL 4521', 'AF').build()`.
 * The default is a PK-ANF heroin seizure from a truck at Torkham, with its driver.
 */
export class SeizureReportBuilder extends ReportBuilder<SeizureReportDto> {
  /** A realistic valid seizure: 42.5 kg of heroin in a truck at TORKHAM, driver with a CNIC and a phone. */
  static valid(): SeizureReportBuilder {
    return new SeizureReportBuilder(validSeizure());
  }

  /**
   * A valid seizure of `agencyId` under a new case reference that carries no identifiers (no
   * persons, conveyances or route): a test adds the ones it means to match on.
   */
  static bare(agencyId: string): SeizureReportBuilder {
    return SeizureReportBuilder.valid()
      .withAgency(agencyId)
      .withCaseRef()
      .without('persons')
      .without('conveyances')
      .without('route');
  }

  /** The agency's case reference (a new random one when called without an argument). */
  withCaseRef(agencyCaseRef: string = ReportBuilder.randomRef('CASE')): this {
    this.draft.agencyCaseRef = agencyCaseRef;
    return this;
  }

  /** When the seizure happened (an RFC 3339 string, or a Date). */
  withOccurredAt(at: string | Date): this {
    this.draft.occurredAt = typeof at === 'string' ? at : at.toISOString();
    return this;
  }

  /** The plate (and plate country) of the first conveyance; adds a TRUCK when there is none. */
  withPlate(plate: string, plateCountry?: string): this {
    const conveyances = this.list('conveyances');
    if (conveyances.length === 0) conveyances.push({ kind: 'TRUCK' });
    conveyances[0].plate = plate;
    if (plateCountry === undefined) delete conveyances[0].plateCountry;
    else conveyances[0].plateCountry = plateCountry;
    return this;
  }

  /** Adds a CONTAINER conveyance with this container number. */
  withContainer(containerNumber: string = SAMPLE_CONTAINER_NUMBER): this {
    this.list('conveyances').push({ kind: 'CONTAINER', containerNumber });
    return this;
  }

  /** Adds a conveyance. */
  withConveyance(conveyance: Record<string, unknown>): this {
    this.list('conveyances').push({ ...conveyance });
    return this;
  }

  /** Adds a commodity. */
  withCommodity(commodity: Partial<CommodityDto> = { type: 'OPIUM', quantity: 120, unit: 'KG' }): this {
    this.list('commodities').push({ ...commodity });
    return this;
  }

  /** Adds a person (a SUSPECT unless the role is given). */
  withPerson(person: Partial<PersonDto> = {}): this {
    this.list('persons').push(structuredClone({ role: 'SUSPECT', ...person }));
    return this;
  }

  /** Adds a phone to a person (the first, the driver, by default); adds a SUSPECT when there is nobody. */
  withPhone(phone: string, personIndex = 0): this {
    this.list<string>('phones', this.person(personIndex)).push(phone);
    return this;
  }

  /** Adds a document to a person (the first by default). */
  withDocument(type: DocumentType, number: string, issuingCountry?: string, personIndex = 0): this {
    const doc: Record<string, unknown> = { type, number };
    if (issuingCountry !== undefined) doc.issuingCountry = issuingCountry;
    this.list('documents', this.person(personIndex)).push(doc);
    return this;
  }

  /** Adds an organisation. */
  withOrganisation(name: string, country?: string): this {
    this.list('organisations').push(country === undefined ? { name } : { name, country });
    return this;
  }

  /** The location's crossing-point code. */
  withCrossingPoint(code: string): this {
    this.object('location').crossingPoint = code;
    return this;
  }

  /** The location's coordinates. */
  withLatLon(lat: number, lon: number): this {
    Object.assign(this.object('location'), { lat, lon });
    return this;
  }

  private person(index: number): Record<string, unknown> {
    const persons = this.list('persons');
    while (persons.length <= index) persons.push({ role: 'SUSPECT' });
    return persons[index];
  }
}

/** The default seizure as a fresh draft. */
function validSeizure(): Record<string, unknown> {
  return {
    agencyId: 'PK-ANF',
    agencyCaseRef: 'ANF-PES-2026-0412',
    reportedAt: '2026-03-14T09:05:00+05:00',
    classification: { tlp: 'AMBER' },
    category: 'DRUGS',
    narrative: 'Inbound truck declared as dried fruit; 38 packets found in a false floor of the trailer.',
    occurredAt: '2026-03-14T06:30:00+05:00',
    location: {
      crossingPoint: 'TORKHAM',
      country: 'PK',
      placeName: 'Torkham border terminal, inbound lane 3',
    },
    commodities: [{ type: 'HEROIN', quantity: 42.5, unit: 'KG', description: '38 packets of brown powder' }],
    conveyances: [{ kind: 'TRUCK', plate: 'LES 7781', plateCountry: 'PK' }],
    persons: [
      {
        role: 'DRIVER',
        name: 'Gul Ahmad Khan',
        dateOfBirth: '1984-06-02',
        nationality: 'PK',
        documents: [{ type: 'NATIONAL_ID', number: '17301-1234567-1', issuingCountry: 'PK' }],
        phones: ['0300 1234567'],
      },
    ],
    route: { origin: 'AF', destination: 'PK' },
    concealment: 'false floor of the trailer',
  };
}
