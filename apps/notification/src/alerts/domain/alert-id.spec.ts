import { alertIdOf } from './alert-id';

describe(alertIdOf.name, () => {
  const link = '6f1c2a4e-0b7d-4c1e-9a53-2f0d8e7b1c44';

  it('gives the same id for the same link and recipient, as a version 5 UUID', () => {
    expect(alertIdOf(link, 'PK-ANF')).toBe(alertIdOf(link, 'PK-ANF'));
    expect(alertIdOf(link, 'PK-ANF')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it.each([
    [link, 'AF-CNPA'],
    ['0d4a9e58-3c1b-4f0e-8d2a-7b6c5e4f3a21', 'PK-ANF'],
  ])('gives a different id for link %s and recipient %s', (otherLink, recipient) => {
    expect(alertIdOf(otherLink, recipient)).not.toBe(alertIdOf(link, 'PK-ANF'));
  });
});
