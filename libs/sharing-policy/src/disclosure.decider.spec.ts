import fc from 'fast-check';
import { COUNTRY, GENEROUS, STINGY, policyOf } from '@app/testing';
import {
  REASON_FEATURE_GROUPS,
  decideDisclosure,
  type Disclosure,
  type DisclosureSubject,
  type Holding,
  type Viewer,
} from './disclosure.decider';
import { TLP_LEVELS } from '@app/contracts';

// AF-CNPA → PK-ANF generous, PK-ANF → AF-CNPA the usual country rule, AF-ABP → PK-ANF stingy,
// PK-FIA → AF-CNPA persons FULL with MATCHED_ONLY identifiers; everything else the default.
const policy = policyOf({
  rules: [
    { from: 'AF-CNPA', to: 'PK-ANF', ...GENEROUS },
    { from: 'PK-ANF', to: 'AF-CNPA', ...COUNTRY },
    { from: 'AF-ABP', to: 'PK-ANF', ...STINGY },
    { from: 'PK-FIA', to: 'AF-CNPA', ...COUNTRY, persons: 'FULL' },
  ],
});

const agency = (agencyId: string): Viewer => ({ type: 'AGENCY', agencyId });
const held = (agencyId: string, tlp: unknown = 'AMBER'): Holding => ({ agencyId, tlp });
const decide = (viewer: Viewer, subject: DisclosureSubject): Disclosure =>
  decideDisclosure(policy, viewer, subject);

function reason(a: Holding, b: Holding, feature: string, protectedPerson = false): DisclosureSubject {
  return { kind: 'LINK_REASON', sides: [a, b], feature, protectedPerson };
}

describe(decideDisclosure.name, () => {
  describe('link reasons', () => {
    it.each<[string, Viewer, DisclosureSubject, Disclosure]>([
      [
        'a side sees the other side plate in full when its rule grants identifiers',
        agency('PK-ANF'),
        reason(held('AF-CNPA'), held('PK-ANF'), 'PLATE'),
        { show: 'FULL' },
      ],
      [
        'MATCHED_ONLY shows a matched plate: the viewer holds the same value',
        agency('AF-CNPA'),
        reason(held('AF-CNPA'), held('PK-ANF'), 'PLATE'),
        { show: 'FULL' },
      ],
      [
        'an agency that is not a side learns only that a match exists',
        agency('AF-ABP'),
        reason(held('AF-CNPA'), held('PK-ANF'), 'PLATE'),
        { show: 'EXISTS', ground: 'NOT_A_SIDE' },
      ],
      [
        'a name follows the persons level: ROLE_ONLY withholds it',
        agency('AF-CNPA'),
        reason(held('AF-CNPA'), held('PK-ANF'), 'PERSON_NAME_DOB'),
        { show: 'EXISTS', ground: 'POLICY' },
      ],
      [
        'a name follows the persons level: FULL shows it',
        agency('AF-CNPA'),
        reason(held('PK-FIA'), held('AF-CNPA'), 'PERSON_NAME_DOB'),
        { show: 'FULL' },
      ],
      [
        'a phone is a person identifier: ROLE_ONLY masks it',
        agency('AF-CNPA'),
        reason(held('PK-ANF'), held('AF-CNPA'), 'PHONE'),
        { show: 'MASKED', ground: 'POLICY' },
      ],
      [
        'identifiers NONE mask a plate',
        agency('PK-ANF'),
        reason(held('AF-ABP'), held('PK-ANF'), 'PLATE'),
        { show: 'MASKED', ground: 'POLICY' },
      ],
      [
        'TLP RED on the other side masks what the rule would show, on the ground of TLP',
        agency('PK-ANF'),
        reason(held('AF-CNPA', 'RED'), held('PK-ANF'), 'PLATE'),
        { show: 'MASKED', ground: 'TLP' },
      ],
      [
        'an unknown TLP marking counts as RED',
        agency('PK-ANF'),
        reason(held('AF-CNPA', 'PURPLE'), held('PK-ANF'), 'CONTAINER'),
        { show: 'MASKED', ground: 'TLP' },
      ],
      [
        'a protected person is never quoted, not even masked',
        agency('PK-ANF'),
        reason(held('AF-CNPA'), held('PK-ANF'), 'PHONE', true),
        { show: 'EXISTS', ground: 'PROTECTED_PERSON' },
      ],
      [
        'an unknown feature is withheld (default deny)',
        agency('PK-ANF'),
        reason(held('AF-CNPA'), held('PK-ANF'), 'SOMETHING_NEW'),
        { show: 'EXISTS', ground: 'POLICY' },
      ],
      [
        'a link between two cases of the viewer is its own data',
        agency('PK-ANF'),
        reason(held('PK-ANF', 'RED'), held('PK-ANF', 'RED'), 'PHONE', true),
        { show: 'FULL' },
      ],
    ])('%s', (_title, viewer, subject, expected) => {
      expect(decide(viewer, subject)).toEqual(expected);
    });
  });

  describe('capped values', () => {
    const capped = (feature: string, ...holders: [string, unknown, boolean][]): DisclosureSubject => ({
      kind: 'CAPPED_VALUE',
      feature,
      holders: holders.map(([agencyId, tlp, protectedPerson]) => ({ agencyId, tlp, protectedPerson })),
    });

    it('shows the value to an agency whose own case holds it', () => {
      expect(
        decide(agency('AF-CNPA'), capped('PHONE', ['AF-CNPA', 'AMBER', false], ['AF-ABP', 'RED', false])),
      ).toEqual({
        show: 'FULL',
      });
    });

    it('masks a value the viewer does not hold unless every holder grants unmatched identifiers', () => {
      expect(decide(agency('AF-CNPA'), capped('PLATE', ['PK-ANF', 'GREEN', false]))).toEqual({
        show: 'MASKED',
        ground: 'POLICY',
      });
      expect(decide(agency('PK-ANF'), capped('PLATE', ['AF-CNPA', 'GREEN', false]))).toEqual({
        show: 'FULL',
      });
      expect(
        decide(agency('PK-ANF'), capped('PLATE', ['AF-CNPA', 'GREEN', false], ['AF-ABP', 'GREEN', false])),
      ).toEqual({ show: 'MASKED', ground: 'POLICY' });
    });

    it("never shows a protected person's value to another agency, even one that holds it too", () => {
      expect(
        decide(agency('PK-ANF'), capped('PHONE', ['PK-ANF', 'CLEAR', false], ['AF-CNPA', 'CLEAR', true])),
      ).toEqual({ show: 'EXISTS', ground: 'PROTECTED_PERSON' });
    });
    it('shows a value quoted as part of a link only to a side of that link', () => {
      const onLink = (viewer: string, sides: [Holding, Holding]) =>
        decide(agency(viewer), {
          kind: 'CAPPED_VALUE',
          feature: 'PLATE',
          holders: sides.map((h) => ({ ...h, protectedPerson: false })),
          link: sides,
        });
      // PK-ANF would see AF-CNPA's unmatched plates (GENEROUS): the link alone decides here.
      expect(onLink('PK-ANF', [held('AF-CNPA', 'GREEN'), held('AF-ABP', 'GREEN')])).toEqual({
        show: 'EXISTS',
        ground: 'NOT_A_SIDE',
      });
      expect(onLink('PK-ANF', [held('AF-CNPA', 'GREEN'), held('PK-ANF', 'GREEN')])).toEqual({ show: 'FULL' });
    });
  });

  describe('pre-check answers', () => {
    const part = (owner: Holding, p: 'CASE_REFERENCE' | 'PROTECTED_PERSON_FLAG'): DisclosureSubject => ({
      kind: 'PRECHECK_ANSWER',
      owner,
      part: p,
    });

    it('says a protected person matched only when the persons level shows roles and the TLP allows it', () => {
      expect(decide(agency('AF-CNPA'), part(held('PK-ANF'), 'PROTECTED_PERSON_FLAG'))).toEqual({
        show: 'FULL',
      });
      expect(decide(agency('PK-ANF'), part(held('AF-ABP'), 'PROTECTED_PERSON_FLAG'))).toEqual({
        show: 'EXISTS',
        ground: 'POLICY',
      });
      expect(decide(agency('AF-CNPA'), part(held('PK-ANF', 'RED'), 'PROTECTED_PERSON_FLAG'))).toEqual({
        show: 'EXISTS',
        ground: 'TLP',
      });
    });

    it('gives the case reference except under RED', () => {
      expect(decide(agency('PK-ANF'), part(held('AF-ABP'), 'CASE_REFERENCE'))).toEqual({ show: 'FULL' });
      expect(decide(agency('PK-ANF'), part(held('AF-ABP', 'RED'), 'CASE_REFERENCE'))).toEqual({
        show: 'EXISTS',
        ground: 'TLP',
      });
    });
  });

  describe('report fields', () => {
    const field = (owner: Holding, group: 'IDENTIFIER' | 'PERSON_DETAIL' | 'NARRATIVE', matched = false) =>
      ({ kind: 'REPORT_FIELD', owner, group, matched, protectedPerson: false }) as const;

    it('follows the rule capped by the TLP', () => {
      expect(decide(agency('AF-CNPA'), field(held('PK-ANF'), 'IDENTIFIER', true))).toEqual({ show: 'FULL' });
      expect(decide(agency('AF-CNPA'), field(held('PK-ANF'), 'IDENTIFIER', false))).toEqual({
        show: 'EXISTS',
        ground: 'POLICY',
      });
      expect(decide(agency('PK-ANF'), field(held('AF-CNPA', 'RED'), 'NARRATIVE'))).toEqual({
        show: 'EXISTS',
        ground: 'TLP',
      });
      expect(decide(agency('AF-CNPA'), field(held('AF-CNPA', 'RED'), 'PERSON_DETAIL'))).toEqual({
        show: 'FULL',
      });
    });
  });

  describe('operators and dead letters', () => {
    it('shows an operator no intelligence, and a dead-lettered body only once released to it', () => {
      const operator: Viewer = { type: 'OPERATOR' };
      expect(decide(operator, reason(held('AF-CNPA', 'CLEAR'), held('PK-ANF', 'CLEAR'), 'PLATE'))).toEqual({
        show: 'EXISTS',
        ground: 'OPERATOR',
      });
      expect(decide(operator, { kind: 'DLQ_BODY', released: false })).toEqual({
        show: 'EXISTS',
        ground: 'OPERATOR',
      });
      expect(decide(operator, { kind: 'DLQ_BODY', released: true })).toEqual({ show: 'FULL' });
      expect(decide(agency('PK-ANF'), { kind: 'DLQ_BODY', released: true })).toEqual({
        show: 'EXISTS',
        ground: 'POLICY',
      });
    });
  });

  describe('invariants over every combination', () => {
    const agencies = ['AF-CNPA', 'AF-ABP', 'PK-ANF', 'PK-FIA', 'PK-CUS'];
    const anyAgency = fc.constantFrom(...agencies);
    const anyTlp = fc.constantFrom<unknown>(...TLP_LEVELS, 'UNKNOWN', undefined);
    const anyHolding = fc.record({ agencyId: anyAgency, tlp: anyTlp });
    const anyFeature = fc.constantFrom(...Object.keys(REASON_FEATURE_GROUPS), 'NEW_FEATURE');

    it('a viewer that is not a side of a link never learns more than that a match exists', () => {
      fc.assert(
        fc.property(
          anyAgency,
          anyHolding,
          anyHolding,
          anyFeature,
          fc.boolean(),
          (viewer, a, b, feature, prot) => {
            fc.pre(a.agencyId !== viewer && b.agencyId !== viewer);
            expect(decide(agency(viewer), reason(a, b, feature, prot))).toEqual({
              show: 'EXISTS',
              ground: 'NOT_A_SIDE',
            });
          },
        ),
      );
    });

    it("another agency's protected person is never shown or masked, on any channel", () => {
      fc.assert(
        fc.property(anyAgency, anyHolding, anyHolding, anyFeature, (viewer, a, b, feature) => {
          fc.pre(a.agencyId !== viewer || b.agencyId !== viewer);
          const subjects: DisclosureSubject[] = [
            reason(a, b, feature, true),
            {
              kind: 'CAPPED_VALUE',
              feature,
              holders: [
                { ...a, protectedPerson: true },
                { ...b, protectedPerson: false },
              ],
            },
          ];
          for (const subject of subjects) {
            const owners =
              subject.kind === 'LINK_REASON'
                ? subject.sides
                : subject.kind === 'CAPPED_VALUE'
                  ? subject.holders
                  : [];
            if (owners.every((o) => o.agencyId === viewer)) continue;
            if (subject.kind === 'CAPPED_VALUE' && a.agencyId === viewer) continue;
            expect(decide(agency(viewer), subject).show).toBe('EXISTS');
          }
        }),
      );
    });

    it('under RED, nothing but what every recipient needs is shown to another agency', () => {
      fc.assert(
        fc.property(anyAgency, anyAgency, anyFeature, (viewer, owner, feature) => {
          fc.pre(viewer !== owner);
          const red = held(owner, 'RED');
          expect(decide(agency(viewer), reason(red, held(viewer), feature)).show).not.toBe('FULL');
          expect(
            decide(agency(viewer), { kind: 'PRECHECK_ANSWER', owner: red, part: 'CASE_REFERENCE' }).show,
          ).toBe('EXISTS');
        }),
      );
    });
  });
});
