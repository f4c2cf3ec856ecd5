import { describePersons, disclosureOf, groupFields, leafPaths, personFieldsWithheld, wrap } from './present';

const published = {
  eventId: 'e1',
  agencyId: 'PK-FIA',
  agencyCaseRef: 'FIA-1',
  classification: { tlp: 'AMBER' },
  narrative: 'bus stopped',
  location: { lat: 30.1, lon: 66.9, country: 'PK' },
  conveyances: [
    { kind: 'BUS', plate: 'QTA 1234', plateCountry: 'PK' },
    { kind: 'CAR', plate: 'QTA 99', plateCountry: 'PK' },
  ],
  persons: [
    { role: 'FACILITATOR', name: 'Umar', phones: ['0333 1234567'] },
    { role: 'SMUGGLED_MIGRANT', name: 'Farid', documents: [{ type: 'PASSPORT', number: 'P1' }] },
    { role: 'VICTIM', name: 'Laila' },
  ],
};

describe('demo presentation', () => {
  it('counts leaf paths without array indices', () => {
    expect(leafPaths(published.conveyances, 'conveyances').get('conveyances[].plate')).toBe(2);
  });

  it('tells what an alert shared, withheld wholly or partly, and which persons it left out', () => {
    const shared = {
      eventId: 'e1',
      agencyId: 'PK-FIA',
      agencyCaseRef: 'FIA-1',
      classification: { tlp: 'AMBER' },
      location: { lat: 30.1, lon: 66.9, country: 'PK' },
      conveyances: [{ kind: 'BUS', plate: 'QTA 1234', plateCountry: 'PK' }, { kind: 'CAR' }],
      persons: [{ role: 'FACILITATOR' }],
    };
    const d = disclosureOf(published, shared);
    expect(d.withheld).toEqual(['narrative']);
    expect(d.partly).toEqual(['conveyances[].plate', 'conveyances[].plateCountry']);
    expect(d.persons).toEqual({
      published: 3,
      shown: [{ role: 'FACILITATOR', fields: [] }],
      notShown: ['SMUGGLED_MIGRANT', 'VICTIM'],
    });
    expect(describePersons(d.persons)).toBe(
      '1 of 3 shown: FACILITATOR (role); not disclosed: SMUGGLED_MIGRANT (protected person), VICTIM (protected person)',
    );
    // Protected persons' fields are not "withheld fields": the persons themselves are not disclosed.
    expect(personFieldsWithheld(d.persons, published)).toEqual(['name', 'phones[]']);
    expect(groupFields(d.shared, published)).toEqual(['eventId', 'agencyCaseRef', 'location', 'conveyances']);
  });

  it('names only the shared part of a field group', () => {
    expect(groupFields(['conveyances[].kind'], published)).toEqual(['conveyances (kind)']);
  });

  it('wraps long lines under their indentation', () => {
    expect(wrap('    one two three four', 16, 6)).toBe('    one two\n      three four');
  });
});
