import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumberWords, type NumberMention } from '../../lambdas/core/extract/numbers.js';

/** The only mention in `text`; fails when there is not exactly one. */
function only(text: string): NumberMention {
  const mentions = findNumbers(text);
  expect(mentions).toHaveLength(1);
  return mentions[0]!;
}

const texts = (text: string) => findNumbers(text).map((mention) => mention.text);

describe('plain digits', () => {
  it('reads a number in a sentence with its offsets', () => {
    expect(findNumbers('more than 150 IS detainees were transferred')).toEqual([
      { start: 10, end: 13, text: '150', value: 150, vague: false, form: 'digits' },
    ]);
  });

  it('reads a number without separators', () => {
    expect(only('7000 detainees').value).toBe(7000);
  });

  it('finds nothing in text without numbers', () => {
    expect(findNumbers('The festival drew crowds despite the rain.')).toEqual([]);
  });

  it('reports every number in order', () => {
    expect(findNumbers('150 moved, 250 stayed, 3 escaped').map((mention) => mention.value)).toEqual([150, 250, 3]);
  });
});

describe('comma thousands separators', () => {
  it('reads "7,000"', () => {
    expect(only('7,000 detainees').value).toBe(7000);
  });

  it('reads "24,000"', () => {
    expect(only('about 24,000 people').value).toBe(24000);
  });

  it('reads several groups: "1,500,000"', () => {
    expect(only('1,500,000 worth')).toMatchObject({ text: '1,500,000', value: 1500000 });
  });

  it('stops before a group that is not three digits: "1,5000" is 1 and 5000', () => {
    expect(findNumbers('1,5000').map((mention) => mention.value)).toEqual([1, 5000]);
  });

  it('does not join a four-digit lead to the next number: "2019,150"', () => {
    expect(findNumbers('In 2019,150 were moved').map((mention) => mention.value)).toEqual([2019, 150]);
  });

  it('leaves a comma followed by a space as punctuation', () => {
    expect(findNumbers('150, 200 and 300').map((mention) => mention.value)).toEqual([150, 200, 300]);
  });
});

describe('space thousands separators', () => {
  it('reads a plain space: "7 000"', () => {
    expect(only('7 000 detainees').value).toBe(7000);
  });

  it('reads a no-break space', () => {
    expect(only('7\u00A0000 detainees').value).toBe(7000);
  });

  it('reads a narrow no-break space', () => {
    expect(only('12\u202F500 detainees').value).toBe(12500);
  });

  it('reads a thin space', () => {
    expect(only('1\u2009000\u2009000 people').value).toBe(1000000);
  });

  it('does not join when the next run is not exactly three digits', () => {
    expect(findNumbers('7 0000').map((mention) => mention.value)).toEqual([7, 0]);
  });

  it('keeps one separator throughout a number: "1,000 000" is two numbers', () => {
    expect(findNumbers('1,000 000').map((mention) => mention.value)).toEqual([1000, 0]);
  });
});

describe('decimals', () => {
  it('reads a decimal without a scale word as it is', () => {
    expect(only('rates rose 2.5 points').value).toBe(2.5);
  });

  it('reads "7.000" as the decimal 7, since the text is English', () => {
    expect(only('7.000 people').value).toBe(7);
  });

  it('leaves a full stop after a number out', () => {
    expect(only('they moved 150.').text).toBe('150');
  });
});

describe('decimals and digits with a scale word', () => {
  it('reads "1.5 million" as mixed', () => {
    expect(only('1.5 million people')).toMatchObject({ value: 1500000, form: 'mixed', text: '1.5 million' });
  });

  it('reads "2.3 billion" without binary noise', () => {
    expect(only('2.3 billion').value).toBe(2300000000);
  });

  it('reads "7.5 thousand"', () => {
    expect(only('7.5 thousand').value).toBe(7500);
  });

  it('reads "7 thousand" as mixed', () => {
    expect(only('7 thousand fighters')).toMatchObject({ value: 7000, form: 'mixed' });
  });

  it('reads "5 hundred thousand"', () => {
    expect(only('5 hundred thousand').value).toBe(500000);
  });

  it('reads a glued "m": "1.2m"', () => {
    expect(only('1.2m people')).toMatchObject({ value: 1200000, form: 'mixed', text: '1.2m' });
  });

  it('reads a glued "k": "5k"', () => {
    expect(only('5k runners')).toMatchObject({ value: 5000, form: 'mixed' });
  });

  it('reads a glued "bn": "3bn"', () => {
    expect(only('3bn').value).toBe(3000000000);
  });
});

describe('digits glued to letters', () => {
  it('skips digits glued to a letter before them: "A320", "B2"', () => {
    expect(findNumbers('an A320 and a B2')).toEqual([]);
  });

  it('skips digits glued to a letter after them: "1990s"', () => {
    expect(findNumbers('in the 1990s')).toEqual([]);
  });

  it('finds digits after a hyphen: "COVID-19"', () => {
    expect(only('the COVID-19 pandemic')).toMatchObject({ value: 19, text: '19' });
  });

  it('finds a number after a word: "Resolution 2254"', () => {
    expect(only('Resolution 2254')).toMatchObject({ value: 2254 });
  });

  it('keeps a very long digit run a finite number', () => {
    const mention = only('9'.repeat(400));
    expect(mention.value).toBe(Number.MAX_VALUE);
  });

  it('reads a 25-digit run, losing precision', () => {
    expect(only('1234567890123456789012345').value).toBe(1.2345678901234568e24);
  });
});

describe('number words', () => {
  it('reads a unit word', () => {
    expect(only('seven detainees')).toMatchObject({ value: 7, form: 'words', text: 'seven' });
  });

  it('reads a teen', () => {
    expect(only('nineteen').value).toBe(19);
  });

  it('reads "seven thousand"', () => {
    expect(only('seven thousand detainees')).toMatchObject({ value: 7000, text: 'seven thousand' });
  });

  it('reads "one million two hundred thousand"', () => {
    expect(only('one million two hundred thousand').value).toBe(1200000);
  });

  it('reads "twelve hundred"', () => {
    expect(only('twelve hundred').value).toBe(1200);
  });

  it('is case-insensitive', () => {
    expect(only('Two Hundred').value).toBe(200);
  });

  it('reports each of repeated words separately: "one one"', () => {
    expect(findNumbers('one one').map((mention) => mention.value)).toEqual([1, 1]);
  });

  it('reports "one" like any number word', () => {
    expect(only('no one knows')).toMatchObject({ value: 1, text: 'one' });
  });

  it('does not read a number word inside another word', () => {
    expect(findNumbers('someone often listens')).toEqual([]);
  });

  it('does not report a scale word alone', () => {
    expect(findNumbers('the Hundred Years War')).toEqual([]);
  });
});

describe('hyphenated number words', () => {
  it('reads "twenty-five"', () => {
    expect(only('twenty-five').value).toBe(25);
  });

  it('reads "twenty five" written with a space', () => {
    expect(only('twenty five').value).toBe(25);
  });

  it('reads "ninety-nine thousand"', () => {
    expect(only('ninety-nine thousand').value).toBe(99000);
  });
});

describe('"and" in number words', () => {
  it('reads "two hundred and fifty"', () => {
    expect(only('two hundred and fifty').value).toBe(250);
  });

  it('reads "two hundred and fifty thousand"', () => {
    expect(only('two hundred and fifty thousand').value).toBe(250000);
  });

  it('reads "one thousand and five"', () => {
    expect(only('one thousand and five').value).toBe(1005);
  });

  it('leaves a trailing "and" out', () => {
    expect(findNumbers('two hundred and counting')[0]).toMatchObject({ value: 200, text: 'two hundred' });
  });

  it('does not join "two thousand and three thousand" into one number', () => {
    expect(findNumbers('two thousand and three thousand').map((mention) => mention.value)).toEqual([2000, 3000]);
  });
});

describe('"a" before a multiplier', () => {
  it('reads "a dozen" as 12', () => {
    expect(only('a dozen detainees')).toMatchObject({ value: 12, text: 'a dozen' });
  });

  it('reads "two dozen" as 24', () => {
    expect(only('two dozen').value).toBe(24);
  });

  it('reads "a hundred"', () => {
    expect(only('about a hundred').value).toBe(100);
  });

  it('reads "a hundred and fifty"', () => {
    expect(only('a hundred and fifty').value).toBe(150);
  });

  it('reads "a thousand"', () => {
    expect(only('a thousand').value).toBe(1000);
  });

  it('reads "a million"', () => {
    expect(only('a million').value).toBe(1000000);
  });

  it.each([
    ['six and a half thousand have gone', 'six and a half thousand', 6500],
    ['two and a half million people', 'two and a half million', 2500000],
  ])('reads a half before a scale in "%s"', (input, text, value) => {
    expect(only(input)).toMatchObject({ value, text });
  });

  it('reads "half a million" as 500000', () => {
    expect(only('half a million refugees')).toMatchObject({ value: 500000, text: 'half a million' });
  });

  it('reads "half a dozen" as 6', () => {
    expect(only('half a dozen').value).toBe(6);
  });

  it('does not report "a" alone', () => {
    expect(findNumbers('a camp')).toEqual([]);
  });
});

describe('vague amounts', () => {
  const vague = (text: string) => only(text);

  it.each([
    ['dozens of fighters', 'dozens'],
    ['dozens', 'dozens'],
    ['hundreds of detainees', 'hundreds'],
    ['thousands of people', 'thousands'],
    ['tens of thousands of people', 'tens of thousands'],
    ['hundreds of thousands fled', 'hundreds of thousands'],
    ['scores of prisoners', 'scores'],
    ['several hundred men', 'several hundred'],
    ['several thousand men', 'several thousand'],
    ['several hundred thousand men', 'several hundred thousand'],
    ['a few hundred men', 'a few hundred'],
    ['a few thousand men', 'a few thousand'],
    ['some hundreds of men', 'some hundreds'],
  ])('reads "%s" as the vague amount "%s"', (text, amount) => {
    expect(vague(text)).toMatchObject({ text: amount, value: null, vague: true, form: 'words' });
  });

  it('does not take "scores" without "of" for an amount', () => {
    expect(findNumbers('he scores again')).toEqual([]);
  });

  it('does not take "tens" without "of thousands" for an amount', () => {
    expect(findNumbers('the tens column')).toEqual([]);
  });

  it('does not join two vague amounts into a range', () => {
    expect(findNumbers('hundreds to thousands').map((mention) => [mention.text, mention.range])).toEqual([
      ['hundreds', undefined],
      ['thousands', undefined],
    ]);
  });
});

describe('ranges', () => {
  it('reads "5,000 to 7,000"', () => {
    expect(only('5,000 to 7,000 detainees')).toMatchObject({ text: '5,000 to 7,000', value: 7000, range: { low: 5000, high: 7000 } });
  });

  it('reads a hyphen: "5,000-7,000"', () => {
    expect(only('5,000-7,000').range).toEqual({ low: 5000, high: 7000 });
  });

  it('reads an en dash: "5,000–7,000"', () => {
    expect(only('5,000–7,000').range).toEqual({ low: 5000, high: 7000 });
  });

  it('reads a spaced en dash: "5,000 – 7,000"', () => {
    expect(only('5,000 – 7,000')).toMatchObject({ text: '5,000 – 7,000', range: { low: 5000, high: 7000 } });
  });

  it('lends the high end\'s thousands to a small low end: "7-8,000"', () => {
    expect(only('7-8,000 fighters')).toMatchObject({ value: 8000, range: { low: 7000, high: 8000 } });
  });

  it('lends tens of thousands: "70-80,000"', () => {
    expect(only('70-80,000').range).toEqual({ low: 70000, high: 80000 });
  });

  it('does not lend the scale when the low end would pass the high end: "500-1,000"', () => {
    expect(only('500-1,000').range).toEqual({ low: 500, high: 1000 });
  });

  it('reads "two to three thousand" with the scale lent to the low end', () => {
    expect(only('two to three thousand')).toMatchObject({ form: 'words', range: { low: 2000, high: 3000 } });
  });

  it('reads "1.5-2 million"', () => {
    expect(only('1.5-2 million').range).toEqual({ low: 1500000, high: 2000000 });
  });

  it('reads "between 5,000 and 7,000" without the word "between"', () => {
    expect(only('between 5,000 and 7,000 detainees')).toMatchObject({
      start: 8,
      text: '5,000 and 7,000',
      between: true,
      range: { low: 5000, high: 7000 },
    });
  });

  it('reads "between two and three thousand"', () => {
    expect(only('Between two and three thousand')).toMatchObject({ between: true, range: { low: 2000, high: 3000 } });
  });

  it('reads "between two hundred and three hundred" as a range, not as 203', () => {
    expect(only('between two hundred and three hundred').range).toEqual({ low: 200, high: 300 });
  });

  it('leaves "between" unset on a range without it', () => {
    expect(only('5,000 to 7,000').between).toBeUndefined();
  });

  it('does not read "and" as a range without "between"', () => {
    expect(findNumbers('5,000 and 7,000')).toHaveLength(2);
  });

  it('does not read "or" as a range', () => {
    expect(findNumbers('5,000 or 7,000')).toHaveLength(2);
  });

  it('reads "from 150 to 300" as a change, two numbers', () => {
    expect(findNumbers('rose from 150 to 300').map((mention) => mention.value)).toEqual([150, 300]);
  });

  it('does not read a falling pair as a range: "3-1"', () => {
    expect(findNumbers('a 3-1 win').map((mention) => mention.value)).toEqual([3, 1]);
  });

  it('marks a range of mixed forms as mixed', () => {
    expect(only('5 to 7 million').form).toBe('mixed');
  });
});

describe('money', () => {
  it('reads "$1.2 billion" with the sign in the mention', () => {
    expect(only('a $1.2 billion deal')).toMatchObject({ text: '$1.2 billion', value: 1200000000, unit: 'money' });
  });

  it('reads "US$5"', () => {
    expect(only('US$5 each')).toMatchObject({ text: 'US$5', unit: 'money' });
  });

  it('reads "€5m"', () => {
    expect(only('€5m')).toMatchObject({ value: 5000000, unit: 'money' });
  });

  it('reads "£300"', () => {
    expect(only('£300').unit).toBe('money');
  });

  it('reads "USD 3 million"', () => {
    expect(only('USD 3 million')).toMatchObject({ text: 'USD 3 million', value: 3000000, unit: 'money' });
  });

  it('reads "1.2 billion dollars"', () => {
    expect(only('1.2 billion dollars')).toMatchObject({ text: '1.2 billion dollars', unit: 'money' });
  });

  it('reads "5 million euros"', () => {
    expect(only('5 million euros').unit).toBe('money');
  });

  it('reads "300 pounds"', () => {
    expect(only('300 pounds').unit).toBe('money');
  });

  it('reads "3 million USD"', () => {
    expect(only('3 million USD').unit).toBe('money');
  });

  it('reads a money range "$5 million to $7 million"', () => {
    expect(only('$5 million to $7 million')).toMatchObject({ unit: 'money', range: { low: 5000000, high: 7000000 } });
  });

  it('reads a money range with one sign: "$5-7 million"', () => {
    expect(only('$5-7 million')).toMatchObject({ unit: 'money', range: { low: 5000000, high: 7000000 } });
  });
});

describe('percent', () => {
  it('reads "45%"', () => {
    expect(only('45% of them')).toMatchObject({ text: '45%', value: 45, unit: 'percent' });
  });

  it('reads "45 percent"', () => {
    expect(only('45 percent')).toMatchObject({ text: '45 percent', unit: 'percent' });
  });

  it('reads "4.5 per cent"', () => {
    expect(only('4.5 per cent')).toMatchObject({ value: 4.5, unit: 'percent' });
  });

  it('reads "five percent"', () => {
    expect(only('five percent')).toMatchObject({ value: 5, unit: 'percent' });
  });

  it('does not take "percentage" for percent', () => {
    expect(only('45 percentage points').unit).toBeUndefined();
  });

  it('reads a percent range "5-7%"', () => {
    expect(only('5-7%')).toMatchObject({ unit: 'percent', range: { low: 5, high: 7 } });
  });
});

describe('distances', () => {
  it.each(['30 km', '30km', '30 kilometres', '30 kilometers', '20 miles', '5 metres', '5 meters'])('reads "%s"', (text) => {
    expect(only(text)).toMatchObject({ text, unit: 'distance' });
  });

  it('reads a hyphenated distance "30-kilometre"', () => {
    expect(only('a 30-kilometre zone')).toMatchObject({ text: '30-kilometre', unit: 'distance' });
  });
});

describe('hyphen-glued durations and ages', () => {
  it('reads "four-day"', () => {
    expect(only('a four-day truce')).toMatchObject({ text: 'four-day', value: 4, unit: 'duration_hyphen' });
  });

  it('reads "23-year-old"', () => {
    expect(only('a 23-year-old')).toMatchObject({ text: '23-year-old', value: 23, unit: 'duration_hyphen' });
  });

  it('reads "48-hour"', () => {
    expect(only('a 48-hour deadline').unit).toBe('duration_hyphen');
  });

  it('reads "10-year"', () => {
    expect(only('a 10-year sentence').unit).toBe('duration_hyphen');
  });

  it('reads "twenty-five-year-old"', () => {
    expect(only('a twenty-five-year-old')).toMatchObject({ value: 25, unit: 'duration_hyphen' });
  });

  it('leaves a hyphen before another word a plain number: "150-strong"', () => {
    expect(only('a 150-strong unit')).toEqual({ start: 2, end: 5, text: '150', value: 150, vague: false, form: 'digits' });
  });
});

describe('years', () => {
  it('marks "in 2025" as a year', () => {
    expect(only('in 2025')).toMatchObject({ value: 2025, year: true });
  });

  it('marks 1900 and 2100 as years', () => {
    expect(findNumbers('1900 and 2100').map((mention) => mention.year)).toEqual([true, true]);
  });

  it('does not mark numbers outside 1900..2100', () => {
    expect(findNumbers('1899 and 2101').map((mention) => mention.year)).toEqual([undefined, undefined]);
  });

  it('does not mark a number with a separator: "2,019"', () => {
    expect(only('2,019').year).toBeUndefined();
  });

  it('does not mark a number followed by a scale word: "2019 million"', () => {
    expect(only('2019 million').year).toBeUndefined();
  });

  it('does not mark a decimal', () => {
    expect(only('2019.5').year).toBeUndefined();
  });

  it('does not mark a number with a unit', () => {
    expect(only('$2019').year).toBeUndefined();
  });
});

describe('ordinals and fractions are skipped', () => {
  it.each(['1st', '2nd', '3rd', '4th', '21st', 'first', 'second', 'third', 'twenty-first', 'one hundredth'])('skips "%s"', (text) => {
    expect(findNumbers(`the ${text} transfer`)).toEqual([]);
  });

  it.each(['two-thirds', 'one third', 'three quarters', 'one-half'])('skips the fraction "%s"', (text) => {
    expect(findNumbers(`${text} of them`)).toEqual([]);
  });

  it('reads "one second" as a number, since "second" there is time', () => {
    expect(only('one second').value).toBe(1);
  });

  it('reads "30-second" as a duration', () => {
    expect(only('a 30-second clip').unit).toBe('duration_hyphen');
  });
});

describe('offsets', () => {
  const sample =
    'Between 5,000 and 7,000 IS detainees, some 150 of them aged 23-year-old, moved 30 km on a $1.2 billion, four-day plan; hundreds of thousands fled in 2019 (45%).';

  it('gives text equal to the slice at start..end for every mention', () => {
    for (const mention of findNumbers(sample)) expect(sample.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('finds each expression of the sample once', () => {
    expect(texts(sample)).toEqual([
      '5,000 and 7,000',
      '150',
      '23-year-old',
      '30 km',
      '$1.2 billion',
      'four-day',
      'hundreds of thousands',
      '2019',
      '45%',
    ]);
  });

  it('counts offsets in UTF-16 code units after astral characters', () => {
    expect(only('😀 150')).toMatchObject({ start: 3, end: 6 });
  });
});

describe('parseNumberWords', () => {
  it.each([
    ['two hundred and fifty', 250],
    ['seven thousand', 7000],
    ['a dozen', 12],
    ['two dozen', 24],
    ['half a million', 500000],
    ['a million', 1000000],
    ['1.5 million', 1500000],
    ['one million two hundred thousand', 1200000],
    ['  Twenty-Five  ', 25],
    ['two   hundred', 200],
    ['7,000', 7000],
  ])('reads "%s" as %d', (words, value) => {
    expect(parseNumberWords(words)).toBe(value);
  });

  it.each(['', 'hello', 'dozens', 'two hundred people', 'twenty-first', '45%', 'thousand', 'a'])('returns null for "%s"', (words) => {
    expect(parseNumberWords(words)).toBeNull();
  });
});

describe('pathological input', () => {
  const mb = 1 << 20;

  it('reads 1 MB of digits and commas', () => {
    const text = Array.from({ length: mb / 4 }, (_, index) => (index % 7 === 0 ? '12' : '345')).join(',');
    expect(findNumbers(text).length).toBeGreaterThan(0);
  });

  it('reads 1 MB of "one one one"', () => {
    const text = 'one '.repeat(mb / 4);
    expect(findNumbers(text)).toHaveLength(mb / 4);
  });

  it('reads 1 MB of random UTF-16', () => {
    let seed = 1;
    const codes = Array.from({ length: mb }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed % 0x10000;
    });
    const text = String.fromCharCode(...codes.slice(0, 60000)).repeat(Math.ceil(mb / 60000));
    findNumbers(text);
  });

  it('reads 1 MB of a single digit run', () => {
    expect(findNumbers('9'.repeat(mb))).toHaveLength(1);
  });
});
