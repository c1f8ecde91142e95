/**
 * The shape of a point tells its bound, so that no reader depends on colour: each is drawn
 * around (0, 0) and moved into place by its group.
 */
import type { Bound } from '../extract/figure.js';

export const SHAPES: Record<Bound, string> = {
  exact: '<circle class="shape filled" r="5"/>',
  approx: '<circle class="shape hollow" r="5"/>',
  // Up to: the figure is a ceiling, so the triangle points down from it.
  at_most: '<path class="shape hollow" d="M-6,-4H6L0,6Z"/>',
  at_least: '<path class="shape hollow" d="M-6,4H6L0,-6Z"/>',
};

const icon = (drawing: string) => `<svg class="icon" viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true">${drawing}</svg>`;

/** The key to the charts: every shape, the line and the conflict marker, each with its words. */
export function legend(): string {
  const items = [
    [SHAPES.exact, 'exact figure'],
    [SHAPES.at_most, '“up to”'],
    [SHAPES.at_least, '“more than”'],
    [SHAPES.approx, '“about”'],
    ['<path class="step" d="M-8,4H0V-4H8"/>', 'the figure over time'],
    ['<line class="conflict-line" x1="0" x2="0" y1="-8" y2="8"/>', '! sources disagree'],
  ];
  return `<p id="legend-title">Each report is a point, its shape saying how exact it is:</p><ul class="legend" aria-labelledby="legend-title">${items.map(([drawing, words]) => `<li>${icon(drawing!)} ${words}</li>`).join('')}</ul>`;
}
