import { normaliseContainer } from '@app/matching';
import { containerNumber } from './generators';

describe(containerNumber.name, () => {
  it('gives fresh numbers of the owner code with a valid ISO 6346 check digit', () => {
    const numbers = Array.from({ length: 50 }, () => containerNumber('MSCU'));
    for (const n of numbers) {
      expect(n).toMatch(/^MSCU\d{7}$/);
      expect(normaliseContainer(n)).toMatchObject({ value: n, checkDigitValid: true });
    }
    expect(new Set(numbers).size).toBeGreaterThan(45);
  });
});
