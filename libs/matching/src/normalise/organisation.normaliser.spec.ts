import { normaliseOrganisation } from './organisation.normaliser';

describe(normaliseOrganisation.name, () => {
  it.each([
    ['Khyber Traders Pvt. Ltd.', 'KHYBER TRADERS'],
    ['KHYBER TRADERS (PRIVATE) LIMITED', 'KHYBER TRADERS'],
    ['khyber traders', 'KHYBER TRADERS'],
    ['M/s Khyber Traders (Pvt) Ltd', 'KHYBER TRADERS'],
    ['Messrs. Khyber Traders', 'KHYBER TRADERS'],
    ['Khyber Traders SMC-Pvt Ltd', 'KHYBER TRADERS'],
    ['Khyber Traders SMC (Private) Limited', 'KHYBER TRADERS'],
    ['Spin Ghar Trading Co.', 'SPIN GHAR'],
    ['SPIN GHAR TRADING COMPANY', 'SPIN GHAR'],
    ['Spin Ghar Trading Company Ltd', 'SPIN GHAR'],
    ['Spin Ghar Co', 'SPIN GHAR'],
    ['Spin Ghar LLC', 'SPIN GHAR'],
    ['Spin Ghar Inc.', 'SPIN GHAR'],
    ['Spin Ghar Corp', 'SPIN GHAR'],
    ['Spin Ghar FZE', 'SPIN GHAR'],
    ['Haji Gul & Sons', 'HAJI GUL AND SONS'],
    ['Haji Gul and Sons Pvt Ltd', 'HAJI GUL AND SONS'],
    ['Afghan Bros. Logistics', 'AFGHAN BROTHERS LOGISTICS'],
    ['Afghan Brothers Logistics', 'AFGHAN BROTHERS LOGISTICS'],
    ['Ariana Intl. Enterprises', 'ARIANA INTERNATIONAL ENTERPRISES'],
    ['Al-Noor Goods Transport', 'AL NOOR GOODS TRANSPORT'],
    ['Al Noor Goods Transport Co.', 'AL NOOR GOODS TRANSPORT'],
    ['Kabul Traders ۲۰۲۰', 'KABUL TRADERS 2020'],
    ['Société Générale', 'SOCIETE GENERALE'],
    // The last word is never stripped: a firm called just "Trading Company" keeps a name.
    ['Trading Company Ltd', 'TRADING'],
  ])('normalises %j to %s', (raw, key) => {
    expect(normaliseOrganisation(raw)?.key).toBe(key);
  });

  it('keeps the reported spelling, tidied, as display', () => {
    expect(normaliseOrganisation('  Khyber  Traders Pvt. Ltd. ')).toEqual({
      key: 'KHYBER TRADERS',
      display: 'Khyber Traders Pvt. Ltd.',
    });
  });

  it.each([
    ['Khyber Traders', 'Khyber Enterprises'],
    ['Khyber Traders', 'Khyber Trading Co'],
    ['Haji Gul & Sons', 'Haji Gul Traders'],
    ['Spin Ghar Trading Co.', 'Spin Boldak Trading Co.'],
    ['Ariana Logistics Ltd', 'Ariana Logistic Ltd'],
  ])('keeps %j apart from %j', (a, b) => {
    expect(normaliseOrganisation(a)?.key).not.toBe(normaliseOrganisation(b)?.key);
  });

  it.each(['', '  ', '---', 'N/A', 'Unknown', 'nil'])('returns null for %j', (raw) => {
    expect(normaliseOrganisation(raw)).toBeNull();
  });
});
