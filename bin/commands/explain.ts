import type { Extraction } from '../../lambdas/core/extract/extract.js';
import type { Relevance } from '../../lambdas/core/relevance/relevance.js';

/** Whether the pipeline would read the text at all, and the terms that decided it. */
export function formatRelevance(relevance: Relevance): string {
  const verdict = relevance.relevant ? 'about the story' : 'not about the story';
  return `Relevance: ${verdict} (score ${relevance.score}${relevance.terms.length > 0 ? `: ${relevance.terms.join(', ')}` : ''})`;
}

/** Every number of a text, in reading order, with the figure it became or why it became none. */
export function formatExplanation(extraction: Extraction): string {
  const entries = [
    ...extraction.figures.map((figure) => ({
      start: figure.number.start,
      text: figure.number.text,
      quote: figure.quote,
      verdict: [
        `-> ${figure.metric} ${figure.bound} ${figure.value}`,
        figure.facility ? `at ${figure.facility}` : '',
        figure.increment ? '(increment)' : '',
        figure.as_of ? `(as of ${figure.as_of})` : '',
      ]
        .filter(Boolean)
        .join(' '),
    })),
    ...extraction.dropped.map((number) => ({
      start: number.start,
      text: number.text,
      quote: number.quote,
      verdict: `dropped: ${number.reason}`,
    })),
  ].sort((a, b) => a.start - b.start);
  if (entries.length === 0) return 'No numbers in this text.';
  const lines: string[] = [];
  let lastQuote: string | undefined;
  for (const entry of entries) {
    if (entry.quote !== lastQuote) {
      lines.push('', `"${entry.quote}"`);
      lastQuote = entry.quote;
    }
    lines.push(`  ${entry.text.padEnd(16)} ${entry.verdict}`);
  }
  return lines.join('\n').trimStart();
}
