import {
  bearerToken,
  generateApiKey,
  hashSecret,
  keyScopeProblem,
  parseApiKey,
  secretMatches,
} from './api-key';

describe(generateApiKey.name, () => {
  it('creates a key whose secret only matches its own hash', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).not.toEqual(b.key);
    const pa = parseApiKey(a.key)!;
    expect(pa.keyId).toBe(a.keyId);
    expect(secretMatches(pa.secret, a.secretHash)).toBe(true);
    expect(secretMatches(pa.secret, b.secretHash)).toBe(false);
    expect(a.secretHash).toBe(hashSecret(pa.secret));
    expect(a.key).not.toContain(a.secretHash);
  });
});

describe(parseApiKey.name, () => {
  it.each([
    ['', null],
    ['bik_short_x', null],
    ['Bearer bik_0123456789abcdef_' + 'a'.repeat(43), null],
    ['bik_0123456789abcdef_' + 'a'.repeat(42), null],
    ['bik_0123456789ABCDEF_' + 'a'.repeat(43), null],
  ])('rejects %j', (input, expected) => {
    expect(parseApiKey(input)).toBe(expected);
  });

  it('accepts a well-formed key', () => {
    expect(parseApiKey('bik_0123456789abcdef_' + 'a'.repeat(43))).toEqual({
      keyId: '0123456789abcdef',
      secret: 'a'.repeat(43),
    });
  });
});

describe(bearerToken.name, () => {
  it.each([
    [undefined, null],
    ['', null],
    ['Basic abc', null],
    ['Bearer', null],
    ['Bearer abc', 'abc'],
    ['bearer   abc  ', 'abc'],
    [['Bearer x', 'Bearer y'], 'x'],
  ])('%j → %j', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

describe(keyScopeProblem.name, () => {
  it.each([
    ['publisher', 'PK-ANF', null],
    ['liaison', 'AF-CNPA', null],
    ['operator', null, null],
    ['operator', 'PK-ANF', 'an operator key is not bound to an agency; omit --agency'],
    ['publisher', null, 'a publisher key must be bound to an agency (--agency AF-CNPA)'],
    ['admin', 'PK-ANF', 'role must be one of publisher, liaison, operator'],
    ['liaison', 'pk-anf', 'agency id "pk-anf" is not of the form CC-CODE (e.g. PK-ANF)'],
  ])('%s for %s', (role, agency, expected) => {
    expect(keyScopeProblem(role, agency)).toBe(expected);
  });
});
