/**
 * The page's only script: the tooltip of a chart point, on hover, on keyboard focus and on tap.
 * It reads a point's data-* attributes and writes them with textContent and setAttribute only,
 * so nothing a feed wrote is ever parsed as markup.
 */
export const PAGE_SCRIPT = `
(() => {
  const tip = document.getElementById('tooltip');
  const part = (name) => tip.querySelector('.tip-' + name);
  const BOUND = { exact: '', at_least: 'more than ', at_most: 'up to ', approx: 'about ' };
  let shown = null;
  let pinned = false;
  let timer = 0;
  const pointOf = (target) => (target instanceof Element ? target.closest('.point') : null);

  function fill(point) {
    const data = point.dataset;
    part('value').textContent = (BOUND[data.bound] || '') + Number(data.value).toLocaleString('en-US');
    part('outlet').textContent = data.outlet;
    part('time').textContent = data.published.slice(0, 16).replace('T', ' ') + ' UTC';
    part('note').textContent = data.note || '';
    part('note').hidden = !data.note;
    part('quote').textContent = data.quote;
    const link = part('link');
    // Checked again here, so that the script trusts no attribute.
    const safe = /^https?:\\/\\//i.test(data.link || '');
    if (safe) link.setAttribute('href', data.link);
    else link.removeAttribute('href');
    link.hidden = !safe;
  }

  function place(point) {
    const box = point.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, document.documentElement.clientWidth - width - 8));
    const below = box.bottom + 8 + height <= window.innerHeight;
    tip.style.left = left + window.scrollX + 'px';
    tip.style.top = (below ? box.bottom + 8 : box.top - 8 - height) + window.scrollY + 'px';
  }

  function show(point, pin) {
    clearTimeout(timer);
    if (shown && shown !== point) shown.removeAttribute('aria-describedby');
    shown = point;
    pinned = pin;
    fill(point);
    tip.hidden = false;
    point.setAttribute('aria-describedby', 'tooltip');
    place(point);
  }

  function hide() {
    clearTimeout(timer);
    if (shown) shown.removeAttribute('aria-describedby');
    shown = null;
    pinned = false;
    tip.hidden = true;
  }

  // A moment's grace lets the pointer travel from a point to the link in its tooltip.
  function hideSoon() {
    clearTimeout(timer);
    if (!pinned) timer = setTimeout(hide, 300);
  }

  document.addEventListener('mouseover', (event) => {
    const point = pointOf(event.target);
    if (point && point !== shown) show(point, false);
    else if (point || tip.contains(event.target)) clearTimeout(timer);
  });
  document.addEventListener('mouseout', (event) => {
    const leaving = pointOf(event.target) === shown || tip.contains(event.target);
    const entering = pointOf(event.relatedTarget) === shown || tip.contains(event.relatedTarget);
    if (shown && leaving && !entering) hideSoon();
  });
  document.addEventListener('focusin', (event) => {
    const point = pointOf(event.target);
    if (point && point !== shown) show(point, false);
  });
  document.addEventListener('focusout', (event) => {
    if (shown && event.relatedTarget !== shown && !tip.contains(event.relatedTarget)) hide();
  });
  // A tap is a click: it shows the tooltip and keeps it, a second tap on the same point hides it.
  document.addEventListener('click', (event) => {
    const point = pointOf(event.target);
    if (point && point === shown && pinned) hide();
    else if (point) show(point, true);
    else if (shown && !tip.contains(event.target)) hide();
  });
  document.addEventListener('keydown', (event) => {
    const point = pointOf(event.target);
    if (event.key === 'Escape' && shown) {
      // Focus goes back to the point before the tooltip goes, so that focusing it does not show it again.
      if (tip.contains(document.activeElement)) shown.focus();
      hide();
    } else if (event.key === 'Tab' && shown && tip.contains(event.target)) {
      // The tooltip sits at the end of the page: Tab goes on from its point, not from there.
      shown.focus();
    } else if (point && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      show(point, true);
      const link = part('link');
      if (!link.hidden) link.focus();
    }
  });
  window.addEventListener('resize', () => {
    if (shown) place(shown);
  });
})();
`;
