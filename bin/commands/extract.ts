import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Extractor } from '../../lambdas/core/extract/extract.js';
import type { Figure } from '../../lambdas/core/extract/figure.js';
import { readTextArgument } from './read-input.js';

const jsonlItem = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  title: z.string().optional(),
  published: z.string().optional(),
});

/** The figure as the JSON contract gives it: provenance is the quote, offsets stay internal. */
export function contractFigure(figure: Figure): Record<string, unknown> {
  const { metric, value, bound, facility, increment, as_of, quote } = figure;
  return {
    metric,
    value,
    bound,
    ...(facility ? { facility } : {}),
    ...(increment ? { increment } : {}),
    ...(as_of ? { as_of } : {}),
    quote,
  };
}

function describeProblem(line: string): { item?: z.infer<typeof jsonlItem>; problem?: string } {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message})` };
  }
  const parsed = jsonlItem.safeParse(data);
  if (parsed.success) return { item: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}; expected {"id", "text", "published"?}` };
}

/**
 * One output line per good input line, in order; a bad line is reported on stderr by number and
 * the run goes on. Returns how many lines were bad, for the exit code.
 */
export async function extractJsonLines(
  extractor: Extractor,
  input: NodeJS.ReadableStream,
  write: (line: string) => void,
  warn: (line: string) => void,
): Promise<number> {
  let lineNumber = 0;
  let bad = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const { item, problem } = describeProblem(line);
    if (!item) {
      bad += 1;
      warn(`line ${lineNumber}: ${problem}`);
      continue;
    }
    const { figures } = extractor({ text: item.text, title: item.title, published: item.published });
    write(JSON.stringify({ id: item.id, figures: figures.map(contractFigure) }));
  }
  return bad;
}

/** The part of the quote around the number, so a long sentence still shows what was read. */
function excerpt(figure: Figure, width: number): string {
  const { quote } = figure;
  if (quote.length <= width) return quote;
  const at = figure.number.start - figure.start;
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), quote.length - width));
  const text = quote.slice(start, start + width);
  return `${start > 0 ? '…' : ''}${text}${start + width < quote.length ? '…' : ''}`;
}

export function formatFigureTable(figures: Figure[]): string {
  if (figures.length === 0) return 'No tracked figures found.';
  const rows = figures.map((figure) => [
    figure.metric,
    figure.value.toLocaleString('en'),
    figure.bound,
    figure.facility ?? '',
    [figure.increment ? 'increment' : '', figure.as_of ? `as of ${figure.as_of}` : ''].filter(Boolean).join(', '),
    excerpt(figure, 80),
  ]);
  const header = ['metric', 'value', 'bound', 'facility', 'notes', 'quote'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export async function extractFile(extractor: Extractor, file: string, options: { json?: boolean; published?: string }): Promise<string> {
  const { figures } = extractor({ text: await readTextArgument(file), published: options.published });
  return options.json ? JSON.stringify({ figures: figures.map(contractFigure) }, null, 2) : formatFigureTable(figures);
}
