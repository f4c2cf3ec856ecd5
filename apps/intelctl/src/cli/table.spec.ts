import { formatTimestamp, renderTable } from './table';

describe(renderTable.name, () => {
  it('pads every column but the last to its widest cell', () => {
    expect(
      renderTable(
        ['ID', 'NAME', 'X'],
        [
          ['PK-ANF', 'Anti-Narcotics Force', '1'],
          ['AF-CNPA', 'CNPA', '22'],
        ],
      ),
    ).toBe(
      [
        'ID       NAME                  X',
        'PK-ANF   Anti-Narcotics Force  1',
        'AF-CNPA  CNPA                  22',
      ].join('\n'),
    );
  });

  it.each([
    ['a newline', 'a\nb', 'a b'],
    ['a tab', 'a\tb', 'a b'],
  ])('keeps a cell with %s on one line', (_, cell, shown) => {
    expect(renderTable(['A', 'B'], [[cell, 'z']]).split('\n')[1]).toBe(`${shown}  z`);
  });

  it('prints only the header for no rows', () => {
    expect(renderTable(['KEY ID', 'ROLE'], [])).toBe('KEY ID  ROLE');
  });
});

describe(formatTimestamp.name, () => {
  it.each<[Date | string | null, string]>([
    [new Date('2025-11-28T09:14:03.456Z'), '2025-11-28 09:14:03Z'],
    ['2025-11-28T09:14:03Z', '2025-11-28 09:14:03Z'],
    [null, '-'],
    ['not a date', 'not a date'],
  ])('%s → %s', (input, expected) => {
    expect(formatTimestamp(input)).toBe(expected);
  });
});
