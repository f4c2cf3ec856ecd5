import { identifierCharacters, stripZeroWidth, toLatinConfusables } from './confusables';
import { normaliseContainer } from './container.normaliser';
import { normaliseDocument } from './document.normaliser';
import { normalisePersonName } from './name.normaliser';
import { normalisePlate } from './plate.normaliser';
import { normaliseVin } from '../engine/features';

// Lookalike letters (docs/matching-names.md#confusables): a Cyrillic `Р` is the Latin `P` of
// a passport number, not a character to drop (`Р1234567` used to match `1234567`).
describe('confusable identifiers', () => {
  it.each([
    ['Cyrillic Р', '\u04201234567', 'PASSPORT:PK:P1234567'],
    ['Cyrillic А and В', '\u0410\u04121234567', 'PASSPORT:PK:AB1234567'],
    ['Greek Α and Β', '\u0391\u03921234567', 'PASSPORT:PK:AB1234567'],
    ['Cyrillic small р', '\u04401234567', 'PASSPORT:PK:P1234567'],
    ['a zero-width space inside', 'AB\u200b1234567', 'PASSPORT:PK:AB1234567'],
  ])('reads a passport number with %s as its Latin skeleton', (_label, number, key) => {
    expect(normaliseDocument('PASSPORT', number, 'PK')?.key).toBe(key);
  });

  it('keeps a Cyrillic-Р passport apart from the bare digits', () => {
    expect(normaliseDocument('PASSPORT', '\u04201234567', 'PK')?.key).not.toBe(
      normaliseDocument('PASSPORT', '1234567', 'PK')?.key,
    );
  });

  it.each([
    ['\u041a\u0412L 4521', 'KBL4521'],
    ['\u039a\u0392\u039b 4521', 'KB\u039b4521'],
    ['kbl-4521', 'KBL4521'],
    ['\u0420\u0415\u0428 7905', 'PE\u04287905'],
  ])('reads plate %j as %j', (raw, value) => {
    expect(normalisePlate(raw, 'AF')?.value).toBe(value);
  });

  it('reads a container number typed with Cyrillic letters', () => {
    expect(normaliseContainer('\u041c\u0405\u0421U 123456-5')?.value).toBe('MSCU1234565');
  });

  it('reads a VIN typed with Greek and Cyrillic letters', () => {
    expect(normaliseVin('1\u041dGCM82633\u0410004352')).toBe('1HGCM82633A004352');
  });

  it('leaves letters without a Latin lookalike as they are', () => {
    expect(toLatinConfusables('\u0414\u039b\u0436')).toBe('\u0414\u039b\u0436');
    expect(identifierCharacters('\u0420-\u0661\u0662')).toBe('P-12');
  });
});

describe('zero-width characters in names', () => {
  it('removes ZWNJ, ZWJ, word joiner and zero-width space', () => {
    expect(stripZeroWidth('a\u200cb\u200dc\u2060d\u200be\ufeff')).toBe('abcde');
  });

  it.each([
    ['\u0639\u0628\u062f\u200c\u0627\u0644\u0644\u0647'],
    ['\u0645\u062d\u0645\u062f\u200d\u0639\u0644\u06cc'],
    ['Gul\u200cmohammad'],
  ])('keeps %j one token, without the joiner in its key', (raw) => {
    const name = normalisePersonName(raw)!;
    expect(name.tokens).toHaveLength(1);
    expect(name.key).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/u);
    expect(name.display).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/u);
  });

  it('reads a Latin name with a Cyrillic lookalike letter as the Latin name', () => {
    expect(normalisePersonName('\u0410hmad Khan')?.key).toBe(normalisePersonName('Ahmad Khan')?.key);
  });

  it('keeps a name written wholly in Cyrillic in its script', () => {
    expect(normalisePersonName('\u0410\u0445\u043c\u0430\u0434')?.key).toBe('\u0410\u0425\u041c\u0410\u0414');
  });
});
