import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lambdas/core/text/sentences.js';

function texts(input: string): string[] {
  return splitSentences(input).map((sentence) => sentence.text);
}

describe('splitSentences terminators', () => {
  it('splits after a full stop before a capital letter', () => {
    expect(texts('150 detainees were moved. Officials confirmed it.')).toEqual(['150 detainees were moved.', 'Officials confirmed it.']);
  });

  it('splits after an exclamation mark and a question mark', () => {
    expect(texts('They moved 150! Why now? Nobody said.')).toEqual(['They moved 150!', 'Why now?', 'Nobody said.']);
  });

  it('splits before a digit', () => {
    expect(texts('The transfer began in 2019. 150 were moved.')).toEqual(['The transfer began in 2019.', '150 were moved.']);
  });

  it('splits before an opening curly quote', () => {
    expect(texts('He spoke. “We moved 150,” he said.')).toEqual(['He spoke.', '“We moved 150,” he said.']);
  });

  it('splits before an opening straight quote', () => {
    expect(texts('He spoke. "We moved 150," he said.')).toEqual(['He spoke.', '"We moved 150," he said.']);
  });

  it('splits before a capital letter of another script', () => {
    expect(texts('He left. Émile stayed.')).toEqual(['He left.', 'Émile stayed.']);
  });

  it('does not split before a lowercase word', () => {
    expect(texts('The count was 150. then it rose.')).toEqual(['The count was 150. then it rose.']);
  });

  it('does not split without whitespace after the stop', () => {
    expect(texts('See example.com/Iraq.Report for 150.')).toEqual(['See example.com/Iraq.Report for 150.']);
  });

  it('lets the last mark of "?!" decide', () => {
    expect(texts('Really?! The army moved 150.')).toEqual(['Really?!', 'The army moved 150.']);
  });

  it('splits after a closing parenthesis that follows the stop', () => {
    expect(texts('They moved 150 (in 2019.) The rest stayed.')).toEqual(['They moved 150 (in 2019.)', 'The rest stayed.']);
  });
});

describe('splitSentences quotes', () => {
  it('keeps a quote ending in a comma with its attribution', () => {
    expect(texts('“We moved 150 detainees,” the official said.')).toEqual(['“We moved 150 detainees,” the official said.']);
  });

  it('splits after a closing quote that follows the stop', () => {
    expect(texts('“We moved them.” The official said so.')).toEqual(['“We moved them.”', 'The official said so.']);
  });

  it('keeps a quoted question with its lowercase attribution', () => {
    expect(texts('“Were 150 moved?” she asked.')).toEqual(['“Were 150 moved?” she asked.']);
  });

  it('splits after a straight closing quote', () => {
    expect(texts('He said "we moved them." Then he left.')).toEqual(['He said "we moved them."', 'Then he left.']);
  });
});

describe('splitSentences abbreviations', () => {
  it.each(['Mr', 'Mrs', 'Ms', 'Dr', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Sgt', 'Adm', 'Sen', 'Rep', 'Gov', 'Pres', 'St'])(
    'does not split after the title "%s."',
    (title) => {
      expect(texts(`They met ${title}. Abdi about 150 detainees.`)).toHaveLength(1);
    },
  );

  it.each(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'])(
    'does not split after the month "%s."',
    (month) => {
      expect(texts(`On ${month}. 5 they moved 150.`)).toHaveLength(1);
    },
  );

  it.each(['Inc', 'Ltd', 'Co', 'Corp'])('does not split after the company suffix "%s."', (suffix) => {
    expect(texts(`Acme ${suffix}. Officials moved 150.`)).toHaveLength(1);
  });

  it.each(['vs', 'etc', 'e.g', 'i.e', 'approx', 'est'])('does not split after "%s."', (abbreviation) => {
    expect(texts(`Tanks, trucks ${abbreviation}. Iraq took 150.`)).toHaveLength(1);
  });

  it('does not split after "No." before a number', () => {
    expect(texts('They held 150 in Prison No. 4 near Hasakah.')).toEqual(['They held 150 in Prison No. 4 near Hasakah.']);
  });

  it('does not split after a capitalised lowercase abbreviation', () => {
    expect(texts('Approx. 200 were moved.')).toEqual(['Approx. 200 were moved.']);
  });

  it('splits after an ordinary word that matches an abbreviation only in another case', () => {
    expect(texts('The answer was no. The army moved 150.')).toEqual(['The answer was no.', 'The army moved 150.']);
  });

  it('splits after a longer word ending in an abbreviation', () => {
    expect(texts('They moved 150 to Mosul. Then 200 more.')).toEqual(['They moved 150 to Mosul.', 'Then 200 more.']);
  });
});

describe('splitSentences initialisms', () => {
  it.each(['U.S.', 'U.N.', 'U.K.', 'E.U.'])('does not split after "%s"', (initialism) => {
    expect(texts(`The ${initialism} Army moved 150 detainees.`)).toHaveLength(1);
  });

  it.each(['a.m.', 'p.m.'])('does not split after "%s"', (time) => {
    expect(texts(`At 10 ${time} Iraqi officials received 150.`)).toHaveLength(1);
  });

  it('does not split after a middle initial', () => {
    expect(texts('George W. Bush spoke.')).toEqual(['George W. Bush spoke.']);
  });
});

describe('splitSentences numbers and ellipses', () => {
  it('does not split a decimal', () => {
    expect(texts('About 1.5 million people live there.')).toEqual(['About 1.5 million people live there.']);
  });

  it('does not split after an ellipsis followed by lowercase', () => {
    expect(texts('They moved 150... and then 200 more.')).toEqual(['They moved 150... and then 200 more.']);
  });

  it('splits after an ellipsis followed by a capital letter', () => {
    expect(texts('They moved 150... Then 200 more.')).toEqual(['They moved 150...', 'Then 200 more.']);
  });
});

describe('splitSentences line breaks', () => {
  it('splits at a single newline without punctuation', () => {
    expect(texts('Iraq receives 150 detainees\nThe transfer began on Monday')).toEqual([
      'Iraq receives 150 detainees',
      'The transfer began on Monday',
    ]);
  });

  it('splits at a blank line', () => {
    expect(texts('First paragraph\n\nsecond paragraph')).toEqual(['First paragraph', 'second paragraph']);
  });

  it('yields no empty sentence for CRLF line ends', () => {
    expect(texts('Headline\r\nBody.\r\n')).toEqual(['Headline', 'Body.']);
  });

  it('returns nothing for whitespace-only input', () => {
    expect(splitSentences(' \n\n\t ')).toEqual([]);
  });
});

describe('splitSentences offsets', () => {
  it('reports trimmed spans with exact offsets', () => {
    expect(splitSentences('  150 moved.  Iraq agreed.\n Done ')).toEqual([
      { text: '150 moved.', start: 2, end: 12 },
      { text: 'Iraq agreed.', start: 14, end: 26 },
      { text: 'Done', start: 28, end: 32 },
    ]);
  });
});

describe('splitSentences long-sentence cap', () => {
  it('cuts an unpunctuated run at the last space before 2,000 characters', () => {
    const input = 'word '.repeat(1000).trim();
    const sentences = splitSentences(input);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [0, 1999],
      [2000, 3999],
      [4000, 4999],
    ]);
  });

  it('prefers to cut after a semicolon', () => {
    const input = `${'a'.repeat(500)}; ${'b'.repeat(1000)}, ${'c'.repeat(900)}`;
    expect(texts(input)).toEqual([`${'a'.repeat(500)};`, `${'b'.repeat(1000)}, ${'c'.repeat(900)}`]);
  });

  it('cuts after a comma when there is no semicolon', () => {
    const input = `${'a'.repeat(1500)}, ${'b'.repeat(100)} ${'c'.repeat(1000)}`;
    expect(texts(input)).toEqual([`${'a'.repeat(1500)},`, `${'b'.repeat(100)} ${'c'.repeat(1000)}`]);
  });

  it('cuts at exactly 2,000 characters when there is no separator', () => {
    expect(texts('x'.repeat(4500)).map((s) => s.length)).toEqual([2000, 2000, 500]);
  });

  it('never splits a surrogate pair', () => {
    const input = 'x' + '😀'.repeat(1500);
    const pieces = texts(input);
    expect(pieces[0]).toBe('x' + '😀'.repeat(999));
    expect(pieces.join('')).toBe(input);
  });

  it('keeps every piece of a run-on sentence within 2,000 characters', () => {
    const pieces = splitSentences('and then, '.repeat(10_000));
    expect(Math.max(...pieces.map((s) => s.text.length))).toBeLessThanOrEqual(2000);
  });
});
