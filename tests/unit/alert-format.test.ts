/**
 * Specification of what subscribers receive for each change: the email subject and body, the
 * SMS line, the JSON contract and the SNS message attributes. Every quote here is written for
 * this file, in wire style.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alert, ChangeType } from '../../lambdas/core/alert/alert.js';
import { defaultMetricLabels, formatAlert, metricLabels, type AlertMessage } from '../../lambdas/core/alert/format.js';
import { fitsOneSms, isGsm7 } from '../../lambdas/core/alert/sms-encoding.js';
import type { Bound } from '../../lambdas/core/extract/figure.js';

// ---- fixtures: one alert of each change type ----

/** Transfers went from 2,250 to 2,750 (+500, +22.2%), three stories agreeing. */
const increase: Alert = {
  id: 'a-increase',
  type: 'increase',
  metric: 'detainees_transferred',
  previous: {
    value: 2250,
    bound: 'exact',
    quote: 'The coalition said 2,250 IS detainees had been flown to Iraq so far.',
    link: 'https://ex.com/a/0',
    outlet: 'AP',
    published: '2026-02-04T10:00:00Z',
  },
  current: {
    value: 2750,
    bound: 'exact',
    quote: 'Iraqi officials said 2,750 Islamic State detainees had now been brought over from Syria.',
    link: 'https://ex.com/a/1',
    outlet: 'Reuters',
    published: '2026-02-06T14:30:00Z',
  },
  sources: 3,
  createdAt: '2026-02-06T14:40:00Z',
};

/** The first figure for al-Hol camp: about 24,000 people. */
const newCamp: Alert = {
  id: 'a-new',
  type: 'new',
  metric: 'camp_population',
  facility: 'al-Hol',
  previous: null,
  current: {
    value: 24000,
    bound: 'approx',
    quote: 'About 24,000 people, most of them women and children, remain in al-Hol camp.',
    link: 'https://ex.com/b/2',
    outlet: 'AFP',
    published: '2026-02-05T08:15:00Z',
  },
  sources: 1,
  createdAt: '2026-02-05T08:20:00Z',
};

/** Detainees held fell from 9,000 to 8,200 (−800, −8.9%). */
const decrease: Alert = {
  id: 'a-decrease',
  type: 'decrease',
  metric: 'detainees_held',
  previous: { value: 9000, bound: 'exact' },
  current: {
    value: 8200,
    bound: 'exact',
    quote: 'Some 8,200 IS suspects are still held in prisons across north-eastern Syria, the SDF said.',
    link: 'https://ex.com/c/3',
    outlet: 'AFP',
    published: '2026-02-07T06:00:00Z',
  },
  sources: 2,
  createdAt: '2026-02-07T06:05:00Z',
};

/** The plan went from up to 5,000 to up to 7,000 (+2,000, +40%). */
const revised: Alert = {
  id: 'a-revised',
  type: 'revised',
  metric: 'transfer_planned',
  previous: { value: 5000, bound: 'at_most' },
  current: {
    value: 7000,
    bound: 'at_most',
    quote: 'Up to 7,000 detainees could eventually be moved to Iraq, a Pentagon spokesman said.',
    link: 'https://ex.com/d/4',
    outlet: 'Reuters',
    published: '2026-02-08T16:45:00Z',
  },
  sources: 1,
  createdAt: '2026-02-08T16:50:00Z',
};

/** Two outlets, hours apart, on escapes from al-Aqtan: more than 1,500 against about 2,000. */
const conflict: Alert = {
  id: 'a-conflict',
  type: 'conflict',
  metric: 'escaped',
  facility: 'al-Aqtan',
  previous: {
    value: 1500,
    bound: 'at_least',
    quote: 'More than 1,500 IS fighters broke out of al-Aqtan prison, a Kurdish commander said.',
    link: 'https://ex.com/e/5',
    outlet: 'AP',
    published: '2026-02-09T09:00:00Z',
  },
  current: {
    value: 2000,
    bound: 'approx',
    quote: 'Around 2,000 inmates fled al-Aqtan after guards abandoned their posts, a Syrian official said.',
    link: 'https://ex.com/e/6',
    outlet: 'Reuters',
    published: '2026-02-09T11:20:00Z',
  },
  sources: 1,
  createdAt: '2026-02-09T11:25:00Z',
};

const format = (alert: Alert): AlertMessage => formatAlert(alert, defaultMetricLabels);

/** `alert` with its current report changed. */
function reportedAs(alert: Alert, current: Partial<Alert['current']>): Alert {
  return { ...alert, current: { ...alert.current, ...current } };
}

/** A story link of exactly `length` characters under `stem`. */
function linkOf(length: number, stem = 'https://www.example-news.com/world/middle-east/2026/02/06/'): string {
  const slug =
    'us-moves-more-islamic-state-detainees-from-syria-to-iraqi-prisons-as-kurdish-led-forces-withdraw-from-camps-in-the-north-east';
  const link = (stem + slug).slice(0, length);
  expect(link).toHaveLength(length);
  return link;
}

const LONG_FACILITY =
  'former Panorama detention centre on the southern edge of al-Hasakah city, run by the SDF until the January offensive';

// ---- subject ----

describe('subject', () => {
  it('states an increase as old -> new with a signed delta', () => {
    expect(format(increase).subject).toBe('IS detainees moved to Iraq: 2,250 -> 2,750 (+500)');
  });

  it('states a decrease with an ASCII minus', () => {
    expect(format(decrease).subject).toBe('IS detainees held in NE Syria: 9,000 -> 8,200 (-800)');
  });

  it('announces a new series with its facility and bound', () => {
    expect(format(newCamp).subject).toBe('New: al-Hol camp population about 24,000');
  });

  it('marks a revision', () => {
    expect(format(revised).subject).toBe('IS detainees to be moved to Iraq revised: up to 5,000 -> up to 7,000 (+2,000)');
  });

  it('names both figures of a conflict', () => {
    expect(format(conflict).subject).toBe('Sources disagree on al-Aqtan IS detainees escaped: more than 1,500 vs about 2,000');
  });

  it('cuts a very long facility name at a word with "…", keeping the figures whole', () => {
    const subject = format({ ...increase, facility: LONG_FACILITY }).subject;
    expect(subject).toBe('former Panorama detention centre on the southern edge of al-Hasakah city…: 2,250 -> 2,750 (+500)');
    expect(subject.length).toBeLessThan(100);
  });

  it('puts a facility name with a line break and a control character on one line', () => {
    expect(format({ ...newCamp, facility: 'al-Hol\n\u0007 camp annex' }).subject).toBe(
      'New: al-Hol camp annex camp population about 24,000',
    );
  });

  it('cuts a facility name without spaces inside the word', () => {
    const subject = format({ ...newCamp, facility: 'x'.repeat(200) }).subject;
    expect(subject).toBe(`New: ${'x'.repeat(80)}… about 24,000`);
  });

  it('stays under 100 characters, on one line and free of control characters, whatever the facility and label', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        fc.constantFrom(increase, newCamp, conflict),
        (facility, label, alert) => {
          const { subject } = formatAlert({ ...alert, facility }, { metric: () => label });
          expect(Array.from(subject).length).toBeLessThan(100);
          expect(subject).not.toMatch(/\p{Cc}/u);
        },
      ),
    );
  });
});

describe('bound in words', () => {
  it.each<[Bound, string]>([
    ['exact', '1,500'],
    ['at_least', 'more than 1,500'],
    ['at_most', 'up to 1,500'],
    ['approx', 'about 1,500'],
  ])('writes a %s figure as "%s"', (bound, words) => {
    const alert: Alert = { ...newCamp, metric: 'escaped', facility: undefined, current: { ...newCamp.current, value: 1500, bound } };
    expect(format(alert).subject).toBe(`New: IS detainees escaped ${words}`);
  });

  it('gives each side of a move its own bound', () => {
    const alert: Alert = {
      ...increase,
      previous: { value: 1500, bound: 'at_least' },
      current: { ...increase.current, value: 1800, bound: 'approx' },
    };
    expect(format(alert).email).toContain('What changed: more than 1,500 -> about 1,800\n');
  });
});

// ---- email ----

describe('email', () => {
  it('lays out an increase: change, delta, sources, then the report that can be checked', () => {
    expect(format(increase).email).toBe(
      [
        'IS detainees moved to Iraq: 2,250 -> 2,750 (+500)',
        '',
        'What changed: 2,250 -> 2,750',
        'Change: +500 (+22.2%)',
        'Reported by 3 sources',
        '',
        'Outlet: Reuters',
        'Published: 2026-02-06T14:30:00Z (Friday 6 February 2026, 14:30 UTC)',
        'Quote: “Iraqi officials said 2,750 Islamic State detainees had now been brought over from Syria.”',
        'Link: https://ex.com/a/1',
        '',
        '--',
        'You receive this because you subscribed to transfer-watch alerts. To get only some of them',
        '(by figure, facility, kind or size of change), change the filter on your subscription;',
        'to stop them, use the unsubscribe link below.',
        '',
      ].join('\n'),
    );
  });

  it('gives a fall with a minus sign, absolute and relative', () => {
    expect(format(decrease).email).toContain('\nChange: −800 (−8.9%)\n');
  });

  it('gives a revision its delta', () => {
    expect(format(revised).email).toContain('\nWhat changed: up to 5,000 -> up to 7,000\nChange: +2,000 (+40%)\n');
  });

  it('gives a new series its figure, with no delta', () => {
    const { email } = format(newCamp);
    expect(email).toContain('\nFigure: about 24,000\n');
    expect(email).not.toContain('Change:');
  });

  it('leaves out the relative change of a series moving off zero', () => {
    expect(format({ ...increase, previous: { value: 0, bound: 'exact' } }).email).toContain('\nChange: +2,750\n');
  });

  it('names the facility', () => {
    expect(format(newCamp).email).toContain('\nFacility: al-Hol\n');
  });

  it('has no facility line for a series without one', () => {
    expect(format(increase).email).not.toContain('Facility:');
  });

  it('counts a single source in the singular', () => {
    expect(format(newCamp).email).toContain('\nReported by 1 source\n');
  });

  it('gives the publication time in UTC when the feed gave another offset', () => {
    const email = format(reportedAs(increase, { published: '2026-02-06T17:30:00+03:00' })).email;
    expect(email).toContain('\nPublished: 2026-02-06T17:30:00+03:00 (Friday 6 February 2026, 14:30 UTC)\n');
  });

  it('shows a publication time it cannot read as it is', () => {
    expect(format(reportedAs(increase, { published: 'yesterday' })).email).toContain('\nPublished: yesterday\n');
  });

  it('keeps a quote that spans lines on one line', () => {
    const email = format(reportedAs(increase, { quote: 'Iraqi officials said 2,750\n   detainees had arrived.' })).email;
    expect(email).toContain('\nQuote: “Iraqi officials said 2,750 detainees had arrived.”\n');
  });

  it('sets out a conflict: both figures, the difference, and each report with its provenance', () => {
    expect(format(conflict).email).toBe(
      [
        'Sources disagree on al-Aqtan IS detainees escaped: more than 1,500 vs about 2,000',
        '',
        'Difference: +500 (+33.3%)',
        'Facility: al-Aqtan',
        'New figure reported by 1 source',
        '',
        'Earlier report: more than 1,500',
        'Outlet: AP',
        'Published: 2026-02-09T09:00:00Z (Monday 9 February 2026, 09:00 UTC)',
        'Quote: “More than 1,500 IS fighters broke out of al-Aqtan prison, a Kurdish commander said.”',
        'Link: https://ex.com/e/5',
        '',
        'New report: about 2,000',
        'Outlet: Reuters',
        'Published: 2026-02-09T11:20:00Z (Monday 9 February 2026, 11:20 UTC)',
        'Quote: “Around 2,000 inmates fled al-Aqtan after guards abandoned their posts, a Syrian official said.”',
        'Link: https://ex.com/e/6',
        '',
        '--',
        'You receive this because you subscribed to transfer-watch alerts. To get only some of them',
        '(by figure, facility, kind or size of change), change the filter on your subscription;',
        'to stop them, use the unsubscribe link below.',
        '',
      ].join('\n'),
    );
  });

  it('shows what it has of an earlier report with partial provenance', () => {
    const email = format({ ...conflict, previous: { value: 1500, bound: 'at_least', outlet: 'AP' } }).email;
    expect(email).toContain('\nEarlier report: more than 1,500\nOutlet: AP\n\nNew report:');
  });

  it('says so when an earlier report has no provenance at all', () => {
    const email = format({ ...conflict, previous: { value: 1500, bound: 'at_least' } }).email;
    expect(email).toContain('\nEarlier report: more than 1,500\n(source not recorded)\n\nNew report:');
  });
});

// ---- SMS ----

describe('SMS', () => {
  it('states an increase on one line with outlet and link', () => {
    expect(format(increase).sms).toBe('IS detainees moved to Iraq 2,250->2,750 (+500) Reuters https://ex.com/a/1');
  });

  it('states a decrease with an ASCII minus, staying GSM-7', () => {
    const { sms } = format(decrease);
    expect(sms).toBe('IS detainees held in NE Syria 9,000->8,200 (-800) AFP https://ex.com/c/3');
    expect(isGsm7(sms)).toBe(true);
  });

  it('announces a new series', () => {
    expect(format(newCamp).sms).toBe('New: al-Hol camp population about 24,000 AFP https://ex.com/b/2');
  });

  it('marks a revision', () => {
    expect(format(revised).sms).toBe(
      'IS detainees to be moved to Iraq revised up to 5,000->up to 7,000 (+2,000) Reuters https://ex.com/d/4',
    );
  });

  it('marks a conflict as disputed, with both figures', () => {
    expect(format(conflict).sms).toBe('Disputed: al-Aqtan IS detainees escaped more than 1,500 vs about 2,000 Reuters https://ex.com/e/6');
  });

  it('keeps an outlet name with a line break on one line', () => {
    expect(format(reportedAs(increase, { outlet: 'Reuters\nWorld' })).sms).toBe(
      'IS detainees moved to Iraq 2,250->2,750 (+500) Reuters World https://ex.com/a/1',
    );
  });

  describe('fitting 160 GSM-7 characters', () => {
    it('drops the outlet first when the whole line would not fit', () => {
      const link = linkOf(110);
      expect(format(reportedAs(increase, { link })).sms).toBe(`IS detainees moved to Iraq 2,250->2,750 (+500) ${link}`);
    });

    it('then drops words from the end of the name, keeping the whole link', () => {
      const link = linkOf(115);
      const sms = format(reportedAs(increase, { link })).sms;
      expect(sms).toBe(`IS detainees moved to... 2,250->2,750 (+500) ${link}`);
      expect(sms).toHaveLength(160);
    });

    it('gives the link as its site only when even a one-word name cannot fit beside it, and brings back the rest', () => {
      expect(format(reportedAs(increase, { link: linkOf(150) })).sms).toBe(
        'IS detainees moved to Iraq 2,250->2,750 (+500) Reuters https://www.example-news.com/',
      );
    });

    it('shortens a long facility name before the metric, keeping the whole link', () => {
      const sms = format({ ...decrease, facility: LONG_FACILITY }).sms;
      expect(sms).toBe(
        'former Panorama detention centre on the southern edge of al-Hasakah city, run by the SDF... IS detainees held in NE Syria 9,000->8,200 (-800) https://ex.com/c/3',
      );
      expect(sms).toHaveLength(160);
    });

    it('counts a tilde in a link as two characters', () => {
      // 159 characters, 161 septets with the outlet: only the double count drops it.
      const link = linkOf(104, 'https://www.example-news.com/~world/~mideast/');
      expect(format(reportedAs(increase, { link })).sms).toBe(`IS detainees moved to Iraq 2,250->2,750 (+500) ${link}`);
    });
  });

  describe('fitting 70 UCS-2 characters', () => {
    it('keeps an Arabic outlet name when the line fits 70 characters', () => {
      const sms = format(reportedAs(newCamp, { outlet: 'العربية' })).sms;
      expect(sms).toBe('New: al-Hol camp population about 24,000 العربية https://ex.com/b/2');
      expect(isGsm7(sms)).toBe(false);
    });

    it('drops an Arabic outlet name that takes the line past 70, which makes it GSM-7 again', () => {
      const sms = format(reportedAs(increase, { outlet: 'العربية' })).sms;
      expect(sms).toBe('IS detainees moved to Iraq 2,250->2,750 (+500) https://ex.com/a/1');
      expect(isGsm7(sms)).toBe(true);
    });

    it('shortens the name to fit 70 when the facility is written in Arabic', () => {
      const sms = format({ ...decrease, facility: 'سجن الصناعة في الحسكة' }).sms;
      expect(sms).toBe('سجن... IS detainees held in... 9,000->8,200 (-800) https://ex.com/c/3');
      expect(sms.length).toBeLessThanOrEqual(70);
    });

    it('drops a Kurdish outlet name (û is not GSM-7), so that the whole link fits in 160', () => {
      const link = linkOf(60);
      expect(format(reportedAs({ ...newCamp, facility: 'Roj' }, { outlet: 'Rûdaw', link })).sms).toBe(
        `New: Roj camp population about 24,000 ${link}`,
      );
    });

    it('gives only the site of a link too long for 70 beside a facility named in Kurdish', () => {
      const sms = format(reportedAs({ ...decrease, facility: 'Girtîgeha Sina' }, { link: linkOf(60) })).sms;
      expect(sms).toBe('Girtîgeha... IS... 9,000->8,200 (-800) https://www.example-news.com/');
      expect(sms.length).toBeLessThanOrEqual(70);
    });
  });

  it('always fits one SMS, on one line, whatever the facility, outlet and link', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ unit: 'binary' })),
        fc.constantFrom(increase, newCamp, decrease, revised, conflict),
        (facility, outlet, link, alert) => {
          const { sms } = format(reportedAs({ ...alert, facility }, { outlet, link }));
          expect(fitsOneSms(sms)).toBe(true);
          expect(sms).not.toMatch(/[\r\n]/);
        },
      ),
    );
  });
});

// ---- JSON ----

describe('JSON', () => {
  it('gives an increase with both readings and the provenance of the current one', () => {
    expect(JSON.parse(format(increase).json)).toEqual({
      type: 'increase',
      metric: 'detainees_transferred',
      previous: { value: 2250, bound: 'exact' },
      current: {
        value: 2750,
        bound: 'exact',
        quote: 'Iraqi officials said 2,750 Islamic State detainees had now been brought over from Syria.',
        link: 'https://ex.com/a/1',
        outlet: 'Reuters',
        published: '2026-02-06T14:30:00Z',
      },
      sources: 3,
    });
  });

  it('orders the keys type, metric, facility, previous, current, sources', () => {
    const json = JSON.parse(format(conflict).json) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['type', 'metric', 'facility', 'previous', 'current', 'sources']);
  });

  it('orders the keys of the current reading value, bound, quote, link, outlet, published', () => {
    const json = JSON.parse(format(conflict).json) as { current: object; previous: object };
    expect(Object.keys(json.current)).toEqual(['value', 'bound', 'quote', 'link', 'outlet', 'published']);
  });

  it('gives the previous reading of a conflict as value and bound only, without its provenance', () => {
    expect(JSON.parse(format(conflict).json)).toMatchObject({
      type: 'conflict',
      facility: 'al-Aqtan',
      previous: { value: 1500, bound: 'at_least' },
    });
    expect(Object.keys((JSON.parse(format(conflict).json) as { previous: object }).previous)).toEqual(['value', 'bound']);
  });

  it('gives a new series a null previous', () => {
    expect(JSON.parse(format(newCamp).json)).toMatchObject({ type: 'new', facility: 'al-Hol', previous: null });
  });

  it('omits the facility key when the series has none', () => {
    expect(Object.keys(JSON.parse(format(decrease).json) as object)).toEqual(['type', 'metric', 'previous', 'current', 'sources']);
  });

  it.each<[ChangeType, Alert, number, number | null]>([
    ['decrease', decrease, 8200, 9000],
    ['revised', revised, 7000, 5000],
  ])('gives a %s its type and both values', (type, alert, current, previous) => {
    expect(JSON.parse(format(alert).json)).toMatchObject({ type, current: { value: current }, previous: { value: previous } });
  });

  it('is a single line', () => {
    expect(format(reportedAs(increase, { quote: 'one\ntwo' })).json).not.toContain('\n');
  });
});

// ---- attributes ----

describe('message attributes', () => {
  it.each<[string, Alert, AlertMessage['attributes']]>([
    ['new: the value itself', newCamp, { metric: 'camp_population', facility: 'al-Hol', change: 'new', magnitude: 24000 }],
    ['increase: the rise', increase, { metric: 'detainees_transferred', facility: 'none', change: 'increase', magnitude: 500 }],
    ['decrease: the fall, unsigned', decrease, { metric: 'detainees_held', facility: 'none', change: 'decrease', magnitude: 800 }],
    ['revised: the size of the revision', revised, { metric: 'transfer_planned', facility: 'none', change: 'revised', magnitude: 2000 }],
    ['conflict: the gap between the reports', conflict, { metric: 'escaped', facility: 'al-Aqtan', change: 'conflict', magnitude: 500 }],
  ])('gives %s as magnitude', (_, alert, attributes) => {
    expect(format(alert).attributes).toEqual(attributes);
  });

  it('gives the gap of a conflict whose new report is lower, unsigned', () => {
    expect(format(reportedAs(conflict, { value: 1200 })).attributes.magnitude).toBe(300);
  });

  it('treats a blank facility as none', () => {
    expect(format({ ...increase, facility: '  ' }).attributes.facility).toBe('none');
  });
});

// ---- labels ----

describe('metric labels', () => {
  it('has words for each of the eight metrics of the default topic', () => {
    const ids = [
      'detainees_transferred',
      'transfer_planned',
      'detainees_held',
      'camp_population',
      'escaped',
      'recaptured',
      'repatriated',
      'detainee_nationalities',
    ];
    expect([...metricLabels.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(defaultMetricLabels.metric(id)).not.toBe(id);
  });

  it('calls transfers "IS detainees moved to Iraq"', () => {
    expect(defaultMetricLabels.metric('detainees_transferred')).toBe('IS detainees moved to Iraq');
  });

  it.each(['boats_seized', 'constructor', 'toString'])('falls back to the id for the unknown metric %s', (id) => {
    expect(defaultMetricLabels.metric(id)).toBe(id);
  });

  it('uses the labels it is given', () => {
    expect(formatAlert(increase, { metric: (id) => `<${id}>` }).subject).toBe('<detainees_transferred>: 2,250 -> 2,750 (+500)');
  });
});
