/** How a reported number relates to the true figure. */
export type Bound = 'exact' | 'at_least' | 'at_most' | 'approx';

/** A tracked figure read from one sentence of a text. */
export interface Figure {
  metric: string;
  value: number;
  bound: Bound;
  /** Canonical facility name, when the sentence ties the figure to a named place. */
  facility?: string;
  /** A batch ("another 250 were moved"), never to be taken for a running total. */
  increment?: boolean;
  /** The earlier time the text dates the figure to ("at its 2019 peak"): history, not news. */
  as_of?: string;
  /** The sentence the figure came from. */
  quote: string;
  /** Offsets of the quote in the normalised text the extractor read. */
  start: number;
  end: number;
  /** The number as written, and its offsets in the same text, to point at it in the quote. */
  number: { text: string; start: number; end: number };
}

/** A number the extractor read and did not turn into a figure, with why: what `explain` shows. */
export interface DroppedNumber {
  text: string;
  start: number;
  end: number;
  reason: string;
  quote: string;
}
