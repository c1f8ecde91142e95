/**
 * Turns an alert into what subscribers receive: an email subject and body, one SMS line, the
 * JSON contract, and the message attributes subscription filter policies match on. Pure: the
 * adapter that publishes decides where each part goes.
 */
import type { Bound } from '../extract/figure.js';
import type { Provenance, Reading } from '../series/series.js';
import type { Alert } from './alert.js';
import { fitsOneSms } from './sms-encoding.js';

export interface AlertMessage {
  subject: string;
  email: string;
  sms: string;
  json: string;
  attributes: { metric: string; facility: string; change: string; magnitude: number };
}

export interface AlertLabels {
  /** Words for a metric id, read as a noun phrase ("IS detainees moved to Iraq"). */
  metric: (id: string) => string;
}

/**
 * Labels for the metrics of the default topic. A facility is put before the label
 * ("al-Hol camp population"), so each reads after a place name.
 */
export const metricLabels: ReadonlyMap<string, string> = new Map([
  ['detainees_transferred', 'IS detainees moved to Iraq'],
  ['transfer_planned', 'IS detainees to be moved to Iraq'],
  ['detainees_held', 'IS detainees held in NE Syria'],
  ['camp_population', 'camp population'],
  ['escaped', 'IS detainees escaped'],
  ['recaptured', 'escaped IS detainees recaptured'],
  ['repatriated', 'people repatriated from Syria'],
  ['detainee_nationalities', 'countries IS detainees come from'],
]);

/** An unknown metric keeps its id: a topic may add metrics before anyone writes their words. */
export const defaultMetricLabels: AlertLabels = { metric: (id) => metricLabels.get(id) ?? id };

/** SNS takes an email subject only when it is shorter than 100 characters. */
export const SUBJECT_MAX = 99;

/** Reading prose may use the true minus sign; the subject and SMS keep ASCII (searchable, GSM-7). */
const TYPOGRAPHIC_MINUS = '\u2212';
const ASCII_MINUS = '-';

/** "…" is outside GSM-7: one in an SMS would cut its limit from 160 to 70. */
const SMS_ELLIPSIS = '...';

const FACILITY_NONE = 'none';

export function formatAlert(alert: Alert, labels: AlertLabels): AlertMessage {
  const facility = facilityOf(alert);
  const label = oneLine(labels.metric(alert.metric));
  const name = [facility, label].filter(Boolean).join(' ');
  return {
    subject: subjectLine(alert, name),
    email: emailBody(alert, name, facility),
    sms: smsLine(alert, facility, label),
    json: jsonContract(alert, facility),
    attributes: {
      metric: alert.metric,
      facility: facility ?? FACILITY_NONE,
      change: alert.type,
      magnitude: magnitudeOf(alert),
    },
  };
}

// ---- shared wording ----

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const BOUND_WORDS: Record<Bound, string> = { exact: '', at_least: 'more than ', at_most: 'up to ', approx: 'about ' };

function withBound(reading: Reading): string {
  return `${BOUND_WORDS[reading.bound]}${numberFormat.format(reading.value)}`;
}

function signed(delta: number, minus: string): string {
  if (delta === 0) return '0';
  return `${delta > 0 ? '+' : minus}${numberFormat.format(Math.abs(delta))}`;
}

/** The earlier reading the change is measured from. A `new` series has none, whatever is stored. */
function previousOf(alert: Alert): Reading | null {
  return alert.type === 'new' ? null : alert.previous;
}

function deltaOf(alert: Alert): number | undefined {
  const previous = previousOf(alert);
  return previous === null ? undefined : alert.current.value - previous.value;
}

/** The size of a change, as subscribers filter on it: the move, or the value itself when there is nothing to move from. */
export function magnitudeOf(alert: Alert): number {
  return Math.abs(deltaOf(alert) ?? alert.current.value);
}

/** A blank facility is no facility: SNS attribute values cannot be empty. */
function facilityOf(alert: Alert): string | undefined {
  const facility = oneLine(alert.facility ?? '');
  return facility === '' ? undefined : facility;
}

/**
 * Feeds put line breaks, runs of spaces and stray control characters in titles and names; every
 * part here is one line, and SNS refuses a subject with a line break or control character.
 */
function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

// ---- subject ----

/**
 * The series name sits between a fixed prefix and the figures, so that a long name is what
 * gets cut and the numbers always survive.
 */
function subjectParts(alert: Alert): { prefix: string; suffix: string } {
  const current = withBound(alert.current);
  const previous = previousOf(alert);
  if (alert.type === 'new') return { prefix: 'New: ', suffix: ` ${current}` };
  if (previous === null) return { prefix: '', suffix: `: ${current}` };
  const old = withBound(previous);
  const move = `${old} -> ${current} (${signed(alert.current.value - previous.value, ASCII_MINUS)})`;
  switch (alert.type) {
    case 'conflict':
      return { prefix: 'Sources disagree on ', suffix: `: ${old} vs ${current}` };
    case 'revised':
      return { prefix: '', suffix: ` revised: ${move}` };
    default:
      return { prefix: '', suffix: `: ${move}` };
  }
}

function subjectLine(alert: Alert, name: string): string {
  const { prefix, suffix } = subjectParts(alert);
  const full = prefix + name + suffix;
  if (charCount(full) <= SUBJECT_MAX) return full;
  const room = SUBJECT_MAX - charCount(prefix) - charCount(suffix) - 1;
  if (room < 1) return truncate(full, SUBJECT_MAX - 1) + '…';
  return `${prefix}${truncate(name, room)}…${suffix}`;
}

/** Counted in code points, so an astral character is one character and is never split. */
function charCount(text: string): number {
  return Array.from(text).length;
}

/** Cuts to at most `room` characters, at a word break when one keeps at least half the room. */
function truncate(text: string, room: number): string {
  const chars = Array.from(text);
  let head = chars.slice(0, room).join('');
  if (chars[room] !== undefined && chars[room] !== ' ') {
    const space = head.lastIndexOf(' ');
    if (space >= room / 2) head = head.slice(0, space);
  }
  return head.replace(/[\s,;:.(-]+$/u, '');
}

// ---- email ----

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Written out by hand: Intl's long date formats differ between Node/ICU versions. */
function readableUtc(iso: string): string | undefined {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return undefined;
  const clock = `${String(time.getUTCHours()).padStart(2, '0')}:${String(time.getUTCMinutes()).padStart(2, '0')}`;
  return `${WEEKDAYS[time.getUTCDay()]} ${time.getUTCDate()} ${MONTHS[time.getUTCMonth()]} ${time.getUTCFullYear()}, ${clock} UTC`;
}

function deltaLine(label: string, previous: Reading, current: Reading): string {
  const delta = current.value - previous.value;
  // No percentage of zero: a series moving off 0 has no relative change.
  const relative = previous.value === 0 ? '' : ` (${signedPercent((delta / previous.value) * 100)})`;
  return `${label}: ${signed(delta, TYPOGRAPHIC_MINUS)}${relative}`;
}

function signedPercent(percent: number): string {
  const sign = percent > 0 ? '+' : percent < 0 ? TYPOGRAPHIC_MINUS : '';
  return `${sign}${percentFormat.format(Math.abs(percent))}%`;
}

/** The lines that let a reader check a figure; an earlier report may lack some of them. */
function provenanceLines(provenance: Partial<Provenance>): string[] {
  const lines: string[] = [];
  const outlet = oneLine(provenance.outlet ?? '');
  if (outlet !== '') lines.push(`Outlet: ${outlet}`);
  if (provenance.published) {
    const readable = readableUtc(provenance.published);
    lines.push(`Published: ${provenance.published}${readable === undefined ? '' : ` (${readable})`}`);
  }
  const quote = oneLine(provenance.quote ?? '');
  if (quote !== '') lines.push(`Quote: “${quote}”`);
  if (provenance.link) lines.push(`Link: ${provenance.link.trim()}`);
  return lines.length > 0 ? lines : ['(source not recorded)'];
}

const FOOTER = [
  '--',
  'You receive this because you subscribed to transfer-watch alerts. To get only some of them',
  '(by figure, facility, kind or size of change), change the filter on your subscription;',
  'to stop them, use the unsubscribe link below.',
];

function emailBody(alert: Alert, name: string, facility: string | undefined): string {
  const { prefix, suffix } = subjectParts(alert);
  const previous = previousOf(alert);
  const facilityLines = facility === undefined ? [] : [`Facility: ${facility}`];
  const sections =
    alert.type === 'conflict' && previous !== null
      ? [
          [deltaLine('Difference', previous, alert.current), ...facilityLines, `New figure reported by ${sourcesLine(alert.sources)}`],
          // Both reports, so a reader can weigh one against the other.
          [`Earlier report: ${withBound(previous)}`, ...provenanceLines(alert.previous ?? {})],
          [`New report: ${withBound(alert.current)}`, ...provenanceLines(alert.current)],
        ]
      : [
          [...changeLines(previous, alert.current), ...facilityLines, `Reported by ${sourcesLine(alert.sources)}`],
          provenanceLines(alert.current),
        ];
  return [[prefix + name + suffix], ...sections, FOOTER].map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

function changeLines(previous: Reading | null, current: Reading): string[] {
  if (previous === null) return [`Figure: ${withBound(current)}`];
  return [`What changed: ${withBound(previous)} -> ${withBound(current)}`, deltaLine('Change', previous, current)];
}

function sourcesLine(count: number): string {
  return `${count} ${count === 1 ? 'source' : 'sources'}`;
}

// ---- SMS ----

/** A fixed prefix, the series name (which may be shortened) and the figures (never shortened). */
function smsParts(alert: Alert): { prefix: string; figures: string } {
  const current = withBound(alert.current);
  const previous = previousOf(alert);
  if (alert.type === 'new') return { prefix: 'New:', figures: current };
  if (previous === null) return { prefix: '', figures: current };
  const old = withBound(previous);
  const move = `${old}->${current} (${signed(alert.current.value - previous.value, ASCII_MINUS)})`;
  switch (alert.type) {
    case 'conflict':
      return { prefix: 'Disputed:', figures: `${old} vs ${current}` };
    case 'revised':
      return { prefix: '', figures: `revised ${move}` };
    default:
      return { prefix: '', figures: move };
  }
}

/** The link reduced to its site, or nothing when it is not an http(s) URL. */
function hostLink(link: string): string | undefined {
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.protocol}//${url.host}/` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every acceptable SMS, best first. The limit is checked on each one, not once: dropping an
 * Arabic outlet can turn a UCS-2 text (70) back into GSM-7 (160).
 *
 * A link cut short ("https://site/2026/02/iraq-tr…") is a broken link, so a link is either whole
 * or reduced to its site ("https://site/"), which still opens and lets a reader find the story.
 * Order: drop the outlet (the link names the site anyway), then shorten the series name, and
 * only when its shortest form does not fit beside the full link, give the site instead, trying
 * the outlet and the full name again with that shorter link. Last resorts, for absurd inputs:
 * no name at all, then no link.
 */
function* smsCandidates(alert: Alert, facility: string | undefined, label: string): Generator<string> {
  const { prefix, figures } = smsParts(alert);
  const outlet = oneLine(alert.current.outlet);
  const link = oneLine(alert.current.link);
  const site = hostLink(link);
  const links = site === undefined || site === link ? [link] : [link, site];
  const line = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
  const names = [...shortenedNames(facility, label)];
  for (const url of links) {
    yield line(prefix, names[0], figures, outlet, url);
    for (const name of names) yield line(prefix, name, figures, url);
  }
  yield line(prefix, figures, links.at(-1));
  yield line(prefix, figures);
}

/**
 * The series name, then ever shorter forms of it, words dropped from the end. The facility
 * gives way first: without the metric the figures mean nothing, and the first word of a
 * facility is usually enough to recognise it.
 */
function* shortenedNames(facility: string | undefined, label: string): Generator<string> {
  const facilityForms = facility === undefined ? [''] : [...wordPrefixes(facility)];
  const shortestFacility = facilityForms.at(-1);
  const name = (facilityForm: string | undefined, labelForm: string) => [facilityForm, labelForm].filter(Boolean).join(' ');
  for (const facilityForm of facilityForms) yield name(facilityForm, label);
  for (const labelForm of [...wordPrefixes(label)].slice(1)) yield name(shortestFacility, labelForm);
}

/** "a b c", "a b...", "a...": every shortening of a text by whole words, longest first. */
function* wordPrefixes(text: string): Generator<string> {
  const words = text.split(' ').filter(Boolean);
  if (words.length === 0) return;
  yield words.join(' ');
  for (let kept = words.length - 1; kept >= 1; kept--) yield words.slice(0, kept).join(' ') + SMS_ELLIPSIS;
}

function smsLine(alert: Alert, facility: string | undefined, label: string): string {
  let last = '';
  for (const candidate of smsCandidates(alert, facility, label)) {
    if (fitsOneSms(candidate)) return candidate;
    last = candidate;
  }
  return cutToFit(last);
}

/** Only reached with figures too long for any SMS; the limit is a hard rule, so cut. */
function cutToFit(text: string): string {
  const chars = Array.from(text);
  while (chars.length > 0 && !fitsOneSms(chars.join(''))) chars.pop();
  return chars.join('').trimEnd();
}

// ---- JSON ----

/** The machine contract: exactly these keys, in this order. */
function jsonContract(alert: Alert, facility: string | undefined): string {
  const { value, bound, quote, link, outlet, published } = alert.current;
  const previous = previousOf(alert);
  return JSON.stringify({
    type: alert.type,
    metric: alert.metric,
    ...(facility === undefined ? {} : { facility }),
    previous: previous === null ? null : { value: previous.value, bound: previous.bound },
    current: { value, bound, quote, link, outlet, published },
    sources: alert.sources,
  });
}
