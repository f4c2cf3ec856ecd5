import { featureId, type Feature } from '@app/matching';
import { decodeFeature } from './feature-codec';

describe(decodeFeature.name, () => {
  it('round-trips an open-ended route waypoint through JSON', () => {
    const f = {
      type: 'ROUTE_WAYPOINT',
      key: 'WP:1',
      display: 'x',
      source: 'waypoints[0]',
      protected: false,
      from: 5,
      to: Infinity,
    } as Feature;
    const back = decodeFeature(JSON.parse(JSON.stringify(f)) as Record<string, unknown>);
    expect(back.to).toBe(Infinity);
    expect(back).toEqual(f);
  });

  it('keeps finite values as they are', () => {
    const f = {
      type: 'PHONE',
      key: 'PH:+923001234567',
      display: 'phone',
      source: 'persons[0].phones[0]',
      protected: false,
      value: '+923001234567',
    } as Feature;
    expect(decodeFeature(JSON.parse(JSON.stringify(f)) as Record<string, unknown>)).toEqual(f);
    expect(featureId(f)).toBe('PH:+923001234567\tpersons[0].phones[0]');
  });
});
