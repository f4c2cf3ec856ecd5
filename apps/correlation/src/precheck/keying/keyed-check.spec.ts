import { defaultGazetteer } from '@app/contracts';
import type { GazetteerEntry } from '@app/matching';
import { httpAnswerOf, ProblemException } from '@app/platform';
import { PrecheckError } from '../precheck.errors';
import { keyCheck } from './keyed-check';

const gazetteer: GazetteerEntry[] = defaultGazetteer
  .all()
  .map((p) => ({ code: p.code, lat: p.lat, lon: p.lon, aliases: p.aliases }));
const checkId = '6f1c2a4e-0b7d-4c1e-9a53-2f0d8e7b1c44';

function problemOf(body: unknown): { status: number; paths: string[] } {
  try {
    keyCheck(body, 'AF-ACD', gazetteer);
  } catch (e) {
    // Refused by the contract's validation (validateInput) or by the pre-check's own rules.
    if (e instanceof PrecheckError)
      return { status: httpAnswerOf(e)!.status, paths: (e.errors ?? []).map((x) => x.path).sort() };
    if (!(e instanceof ProblemException)) throw e;
    return { status: e.problemBody.status, paths: (e.problemBody.errors ?? []).map((x) => x.path).sort() };
  }
  throw new Error('no problem');
}

describe(keyCheck.name, () => {
  it('validates a body and keys its identifiers, listing their kinds', () => {
    const keyed = keyCheck(
      {
        checkId,
        crossingPoint: 'TORKHAM',
        conveyances: [
          { kind: 'TRUCK', plate: 'kbl-4521', plateCountry: 'AF', containerNumber: 'CSQU3054383' },
        ],
      },
      'AF-ACD',
      gazetteer,
    );
    expect(keyed).toMatchObject({ checkId, crossingPoint: 'TORKHAM', types: ['CONTAINER', 'PLATE'] });
    expect(keyed.keys.map((k) => k.feature).sort()).toEqual(['CONTAINER', 'PLATE']);
  });

  it.each([
    [
      { checkId: 'nope', crossingPoint: 'NOWHERE', organisations: [{ name: 'X' }] },
      ['checkId', 'crossingPoint'],
    ],
    [{ checkId, crossingPoint: 'TORKHAM', conveyances: [{ plate: 'KBL 1' }] }, ['conveyances[0].kind']],
    [{ checkId, crossingPoint: 'TORKHAM' }, ['$']],
    [null, ['checkId', 'crossingPoint']],
    // Both made class-transformer or the keying throw a TypeError (a 500) before.
    [{ checkId, crossingPoint: 'TORKHAM', organisations: [[]] }, ['organisations[0]']],
    [
      { checkId, crossingPoint: 'TORKHAM', conveyances: [{ kind: [{ constructor: 1 }] }] },
      ['conveyances[0].kind[0].constructor'],
    ],
  ])('answers %j with a 400 naming %j', (body, paths) => {
    expect(problemOf(body)).toEqual({ status: 400, paths });
  });
});
