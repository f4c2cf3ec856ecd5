import { jaroWinkler, nameSimilarity, normalisePersonName } from './name.normaliser';

describe(normalisePersonName.name, () => {
  it.each([
    ['Gul Ahmad Khan', 'AHMAD GUL KHAN'],
    ['Khan, Gul Ahmad', 'AHMAD GUL KHAN'],
    ['GUL AHMED KHAN', 'AHMAD GUL KHAN'],
    ['gull ahmad khan', 'AHMAD GUL KHAN'],
    ['Haji Gul Ahmad Khan', 'AHMAD GUL KHAN'],
    ['Gul Ahmad Khan s/o Abdul Qadir', 'AHMAD GUL KHAN'],
    ['Gul Ahmad Khan S/O. Abdul Qadir', 'AHMAD GUL KHAN'],
    ['Gul Ahmad Khan son of Abdul Qadir', 'AHMAD GUL KHAN'],
    ['Gul Ahmad walad Abdul Qadir Khan', 'AHMAD GUL'],
    ['Khan, Gul Ahmad s/o Abdul Qadir', 'AHMAD GUL KHAN'],
    ['Gol Ahmad', 'AHMAD GUL'],
    ['Mohammad Yousaf', 'MUHAMMAD YUSUF'],
    ['Muhammad Yusuf', 'MUHAMMAD YUSUF'],
    ['Mohammed Yousuf', 'MUHAMMAD YUSUF'],
    ['Mohamed Yosuf', 'MUHAMMAD YUSUF'],
    ['Mohd. Yusef', 'MUHAMMAD YUSUF'],
    ['Md Yousef', 'MUHAMMAD YUSUF'],
    ['Muhammed Yousaf', 'MUHAMMAD YUSUF'],
    ['Mr. Muhammad Yusuf', 'MUHAMMAD YUSUF'],
    ['Abdul Rahman', 'ABDULRAHMAN'],
    ['Abdulrahman', 'ABDULRAHMAN'],
    ['Abd-ul Rahman', 'ABDULRAHMAN'],
    ['Abdul-Rehman', 'ABDULRAHMAN'],
    ['Abd al-Rahman', 'ABDULRAHMAN'],
    ['Abdel Rahman', 'ABDULRAHMAN'],
    ['Abdur Rahman', 'ABDULRAHMAN'],
    ['Abdurrahman', 'ABDULRAHMAN'],
    ['Abdul Rahmaan', 'ABDULRAHMAN'],
    ['Abdul Qadir', 'ABDULQADIR'],
    ['Abdulqader', 'ABDULQADIR'],
    ['Abdel Kader', 'ABDULQADIR'],
    ['Abdul Kadir', 'ABDULQADIR'],
    ['Abdullah', 'ABDULLAH'],
    ['Abd Allah', 'ABDULLAH'],
    ['Abdulla', 'ABDULLAH'],
    ['Rahmatullah', 'RAHMATULLAH'],
    ['Rahmat Ullah', 'RAHMATULLAH'],
    ['Rahmat-ullah', 'RAHMATULLAH'],
    ['Rehmatullah', 'RAHMATULLAH'],
    ['Rahmat Allah', 'RAHMATULLAH'],
    ['Rahmatulla', 'RAHMATULLAH'],
    ['Noorullah', 'NURULLAH'],
    ['Nur Ullah', 'NURULLAH'],
    ['Salahuddin', 'SLHDN'],
    ['Salah ud Din', 'SLHDN'],
    ['Salah-ud-Din', 'SLHDN'],
    ['Fazl-ur-Rahman', 'FAZL RAHMAN'],
    ['Fazal ur Rehman', 'FAZL RAHMAN'],
    ['Hussain Ali', 'ALI HUSSAIN'],
    ['Hussein Ali', 'ALI HUSSAIN'],
    ['Husain Ali', 'ALI HUSSAIN'],
    ['Hossain Aly', 'ALI HUSSAIN'],
    ['Tariq Mahmood', 'MAHMUD TRK'],
    ['Tariq Mehmood', 'MAHMUD TRK'],
    ['Tariq Mahmud', 'MAHMUD TRK'],
    ['Tareeq Mahmud', 'MAHMUD TRK'],
    ['Zaheer Shah', 'Q ZAHIR'],
    ['Zahir Shah', 'Q ZAHIR'],
    ['Zahir Sha', 'Q ZAHIR'],
    ['Sher Khan', 'KHAN SHER'],
    ['Shir Khan', 'KHAN SHER'],
    ['Noor Muhammad', 'MUHAMMAD NUR'],
    ['Nur Mohammad', 'MUHAMMAD NUR'],
    ['Mullah Omar', 'UMAR'],
    ['Maulvi Umar', 'UMAR'],
    ['José Pérez', 'FRZ JS'],
    ["Ja'far Khan", 'JFR KHAN'],
    ['Jafar Khan', 'JFR KHAN'],
    ['Abdali Khan', 'ABDL KHAN'],
    ['گل احمد', 'AHMAD GUL'],
    ['علي خان', 'ALI KHAN'],
  ])('normalises %j to key %s', (raw, key) => {
    expect(normalisePersonName(raw)?.key).toBe(key);
  });

  it('keeps canonical tokens in name order and a cleaned display form', () => {
    expect(normalisePersonName('Khan, Haji Gul Ahmed s/o Abdul Qadir')).toEqual({
      tokens: ['GUL', 'AHMAD', 'KHAN'],
      key: 'AHMAD GUL KHAN',
      display: 'Gul Ahmed Khan',
      spelled: ['Gul', 'Ahmed', 'Khan'],
    });
  });

  it.each([
    ['Gul Ahmad Khan', 'Gul Ahmad Kahn'],
    ['Abdul Qadir', 'Abdul Qadeer'],
    ['Gul Ahmad Khan', 'Gul Ahmad'],
    ['Gul Ahmad s/o Abdul Qadir', 'Abdul Qadir'],
    ['Hussain Ali', 'Hasan Ali'],
    ['Abdul Rahman', 'Rahman'],
    ['Rahmatullah', 'Rahmat'],
    ['Abdali Khan', 'Abdul Ali Khan'],
    ['Muhammad Khan', 'Mahmud Khan'],
    ['Ahmad Khan', 'Hamid Khan'],
    ['حسن علی', 'Hussain Ali'],
  ])('keeps %j apart from %j', (a, b) => {
    expect(normalisePersonName(a)?.key).not.toBe(normalisePersonName(b)?.key);
  });

  it.each(['', '   ', '---', 'Unknown', 'N/A', 'nil', 'XXX', 'Haji', 'Mr.', '12345'])(
    'returns null for %j',
    (raw) => {
      expect(normalisePersonName(raw)).toBeNull();
    },
  );
});

describe(jaroWinkler.name, () => {
  // Reference values from Winkler (1990) / the standard MARTHA-DWAYNE-DIXON examples.
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
    ['KHAN', 'KHAN', 1],
    ['KHAN', '', 0],
    ['ABC', 'XYZ', 0],
  ])('scores %j against %j as %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });
});

describe(nameSimilarity.name, () => {
  it.each([
    ['Gul Ahmed Khan', 'Gul Ahmad Kahn', 0.95, 1],
    ['Khan, Gul Ahmad', 'Gul Ahmad Khan', 1, 1],
    ['Muhammad Yusuf', 'Mohd Yousaf', 1, 1],
    ['Gul Ahmad Khan', 'Gul Ahmad', 0.75, 0.9],
    ['Abdul Qadir Khan', 'Abdul Qadeer Khan', 0.9, 0.99],
    ['Gul Ahmad Khan', 'Zahir Shah', 0, 0.5],
    ['Abdul Qadir Khan', 'Abdul Rahman Khan', 0.5, 0.8],
    ['Gul Ahmad Khan', 'Unknown', 0, 0],
  ])('scores %j against %j within [%d, %d]', (a, b, min, max) => {
    const score = nameSimilarity(a, b);
    expect(score).toBeGreaterThanOrEqual(min);
    expect(score).toBeLessThanOrEqual(max);
    expect(nameSimilarity(b, a)).toBeCloseTo(score, 12);
  });
});
