import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** Elements whose content is never article prose: code, styling, metadata, embedded documents, graphics. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head']);

/** Elements that end a sentence, so the extractor never reads one figure across two blocks. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'title',
  'tr',
  'ul',
]);

/** Cells separate words but not sentences: a row such as "Hasakah | 150 detainees" stays one sentence. */
const CELLS = new Set(['td', 'th']);

/**
 * A tag name must start with a letter and end at a delimiter, and an entity must end in ";", so prose
 * such as "5 < 6", "<100" or "AT&T" stays plain text.
 */
const HTML_HINT = /<\/?[a-z][a-z0-9-]*[\s/>]|&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/i;

/** Every whitespace run except a lone ordinary space, which is already normal and needs no rewrite. */
const ABNORMAL_WHITESPACE = /\s{2,}|[^\S ]/g;

const SPACE = 0x20;

export function looksLikeHtml(input: string): boolean {
  // Every hint opens with "<" or "&": a search for those two characters clears most plain text without the pattern.
  return (input.includes('<') || input.includes('&')) && HTML_HINT.test(input);
}

export function toPlainText(input: string): string {
  return looksLikeHtml(input) ? htmlToText(input) : normalisePlainWhitespace(input);
}

export function htmlToText(input: string): string {
  const sink = new TextSink();
  const walker = new ElementWalker(input, sink);
  // The bare tokenizer, not htmlparser2's Parser: the Parser keeps its open-element stack with
  // Array#unshift, which is quadratic in nesting depth (100,000 nested divs take seconds).
  const tokenizer = new Tokenizer({ decodeEntities: true }, walker);
  tokenizer.write(input);
  tokenizer.end();
  return sink.toString();
}

/** Plain text keeps its line structure, which tells the sentence splitter where headlines end. */
function normalisePlainWhitespace(text: string): string {
  return text.replace(ABNORMAL_WHITESPACE, collapseRun).trim();
}

function collapseRun(run: string): string {
  const breaks = countLineBreaks(run);
  if (breaks === 0) return ' ';
  return breaks === 1 ? '\n' : '\n\n';
}

/** Counts up to two line breaks, treating "\r\n" as one. */
function countLineBreaks(run: string): number {
  let breaks = 0;
  for (let i = 0; i < run.length && breaks < 2; i++) {
    const c = run.charCodeAt(i);
    const isBreak = c === 0x0a || c === 0x2028 || c === 0x2029 || (c === 0x0d && run.charCodeAt(i + 1) !== 0x0a);
    if (isBreak) breaks++;
  }
  return breaks;
}

/** What separates the next text from the last, ordered so that the wider gap wins. */
const Gap = { None: 0, Space: 1, Break: 2 } as const;
type Gap = (typeof Gap)[keyof typeof Gap];

/**
 * Collects text pieces into chunks joined once at the end. Whitespace between pieces is held back as a
 * pending gap, so "<b>150</b> fighters" and "1,<span>500</span>" join exactly as a reader sees them and
 * the result is trimmed with no repeated blank lines.
 */
class TextSink {
  private readonly chunks: string[] = [];
  private gap: Gap = Gap.None;

  text(raw: string): void {
    const collapsed = raw.replace(ABNORMAL_WHITESPACE, ' ');
    let from = 0;
    let to = collapsed.length;
    if (collapsed.charCodeAt(0) === SPACE) {
      this.widen(Gap.Space);
      from = 1;
    }
    if (to <= from) return;
    const trailingSpace = collapsed.charCodeAt(to - 1) === SPACE;
    if (trailingSpace) to -= 1;
    this.flushGap();
    this.chunks.push(from === 0 && to === collapsed.length ? collapsed : collapsed.slice(from, to));
    if (trailingSpace) this.gap = Gap.Space;
  }

  wordBreak(): void {
    this.widen(Gap.Space);
  }

  sentenceBreak(): void {
    this.widen(Gap.Break);
  }

  toString(): string {
    return this.chunks.join('');
  }

  private widen(gap: Gap): void {
    if (gap > this.gap) this.gap = gap;
  }

  /** Gaps before the first text are dropped, and the last gap is never flushed: that is the trim. */
  private flushGap(): void {
    if (this.gap !== Gap.None && this.chunks.length > 0) {
      this.chunks.push(this.gap === Gap.Break ? '\n\n' : ' ');
    }
    this.gap = Gap.None;
  }
}

/**
 * Turns tokenizer events into sink calls. It keeps no element stack, only the dropped element being
 * skipped and how deeply it nests inside itself, so any nesting depth costs constant memory.
 */
class ElementWalker implements TokenizerCallbacks {
  private openingTag = '';
  private skipping = '';
  private skipDepth = 0;

  constructor(
    private readonly input: string,
    private readonly sink: TextSink,
  ) {}

  ontext(start: number, end: number): void {
    if (this.skipDepth === 0) this.sink.text(this.input.slice(start, end));
  }

  ontextentity(codePoint: number): void {
    if (this.skipDepth === 0) this.sink.text(String.fromCodePoint(codePoint));
  }

  /** CDATA in an HTML fragment is a feed wrapper that leaked through; its content is the article text. */
  oncdata(start: number, end: number, endOffset: number): void {
    if (this.skipDepth === 0) this.sink.text(this.input.slice(start, end - endOffset));
  }

  onopentagname(start: number, end: number): void {
    this.openingTag = this.input.slice(start, end).toLowerCase();
  }

  onopentagend(): void {
    this.open(this.openingTag, false);
  }

  onselfclosingtag(): void {
    this.open(this.openingTag, true);
  }

  onclosetag(start: number, end: number): void {
    const name = this.input.slice(start, end).toLowerCase();
    if (this.skipDepth === 0) this.separate(name);
    else if (name === this.skipping) this.skipDepth--;
  }

  onattribdata(): void {}
  onattribentity(): void {}
  onattribend(): void {}
  onattribname(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onend(): void {}
  onprocessinginstruction(): void {}

  private open(name: string, selfClosing: boolean): void {
    // Only SVG is foreign content, where "<svg/>" really is empty; HTML ignores the slash elsewhere.
    const opensContent = !(selfClosing && name === 'svg');
    if (this.skipDepth > 0) {
      if (name === this.skipping && opensContent) this.skipDepth++;
      // Sloppy pages never close <head>; as in browsers, <body> ends it.
      else if (this.skipping === 'head' && name === 'body') this.skipDepth = 0;
    } else if (DROPPED.has(name) && opensContent) {
      this.skipping = name;
      this.skipDepth = 1;
    } else {
      this.separate(name);
    }
  }

  private separate(name: string): void {
    if (BLOCKS.has(name)) this.sink.sentenceBreak();
    else if (CELLS.has(name)) this.sink.wordBreak();
  }
}
