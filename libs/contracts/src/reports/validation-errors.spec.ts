import { ValidationError } from 'class-validator';
import { flattenValidationErrors, joinPath } from './validation-errors';

describe(joinPath.name, () => {
  it.each<[string, string, boolean, string]>([
    ['', 'agencyId', false, 'agencyId'],
    ['location', 'lat', false, 'location.lat'],
    ['commodities', '0', true, 'commodities[0]'],
    ['persons[2].documents', '10', true, 'persons[2].documents[10]'],
    ['location', '0', false, 'location["0"]'],
    ['', 'odd key', false, '["odd key"]'],
    ['route', 'a.b', false, 'route["a.b"]'],
  ])('joins %p and %p (array: %p) into %p', (parent, key, isArray, expected) => {
    expect(joinPath(parent, key, isArray)).toBe(expected);
  });
});

function node(
  property: string,
  value: unknown,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
) {
  return Object.assign(new ValidationError(), { property, value, constraints, children });
}

describe(flattenValidationErrors.name, () => {
  it('keeps the first message of each node and walks arrays with brackets', () => {
    const tree = [
      node('agencyId', undefined, {
        isDefined: 'is required',
        reportString: 'must be a string, not a undefined',
      }),
      node('commodities', [{}, {}], undefined, [
        node('1', {}, undefined, [node('quantity', 0, { reportNumber: 'must be greater than 0 (got 0)' })]),
      ]),
      node('extra', 1, { whitelistValidation: 'property extra should not exist' }),
    ];
    expect(flattenValidationErrors(tree)).toEqual([
      { path: 'agencyId', message: 'is required' },
      { path: 'commodities[1].quantity', message: 'must be greater than 0 (got 0)' },
      { path: 'extra', message: 'is not an allowed field' },
    ]);
  });

  it('puts a root-level problem at $', () => {
    const root = Object.assign(new ValidationError(), {
      constraints: { unknownValue: 'an unknown value was passed' },
    });
    expect(flattenValidationErrors([root])).toEqual([{ path: '$', message: 'must be an object' }]);
  });
});
