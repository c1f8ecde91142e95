import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml, toPlainText } from '../../lambdas/core/text/html-to-text.js';

describe('looksLikeHtml', () => {
  it.each([
    ['a paragraph tag', '<p>150 detainees</p>'],
    ['a line break', 'Hasakah<br>Iraq'],
    ['a self-closing line break', 'Hasakah<br/>Iraq'],
    ['a tag with attributes', '<div class="story">text'],
    ['a lone closing tag', 'text</x>'],
    ['a named entity', 'Smith &amp; Jones'],
    ['a no-break space entity', '7&nbsp;000'],
    ['a decimal entity', 'Iraq&#8217;s prisons'],
    ['a hex entity', 'Iraq&#x2019;s prisons'],
  ])('recognises %s', (_, input) => {
    expect(looksLikeHtml(input)).toBe(true);
  });

  it.each([
    ['prose', 'About 150 detainees were moved to Iraq.'],
    ['a comparison sign', 'Fewer than <100 remain, and 5 < 6.'],
    ['a bare ampersand', 'AT&T and Smith & Jones said so.'],
  ])('rejects %s', (_, input) => {
    expect(looksLikeHtml(input)).toBe(false);
  });
});

describe('htmlToText entities', () => {
  it('decodes named entities', () => {
    expect(htmlToText('<p>Smith &amp; Jones &lt;AP&gt;</p>')).toBe('Smith & Jones <AP>');
  });

  it('decodes decimal, hex and named apostrophes alike', () => {
    expect(htmlToText('<p>Iraq&#8217;s, Syria&#x2019;s and Turkey&rsquo;s</p>')).toBe('Iraq’s, Syria’s and Turkey’s');
  });

  it('turns an encoded no-break space into an ordinary space', () => {
    expect(htmlToText('<p>7&nbsp;000 detainees</p>')).toBe('7 000 detainees');
  });

  it('turns a literal no-break space into an ordinary space', () => {
    expect(htmlToText('<p>7\u00a0000 detainees</p>')).toBe('7 000 detainees');
  });

  it('decodes an entity only once', () => {
    expect(htmlToText('<p>&amp;lt;b&amp;gt;</p>')).toBe('&lt;b&gt;');
  });

  it('leaves a bare ampersand as it is', () => {
    expect(htmlToText('<p>AT&T moved 150</p>')).toBe('AT&T moved 150');
  });
});

describe('htmlToText dropped elements', () => {
  it.each(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head'])('drops the content of <%s>', (tag) => {
    expect(htmlToText(`<p>Before</p><${tag}>999 hidden</${tag}><p>After</p>`)).toBe('Before\n\nAfter');
  });

  it('drops a script whose code looks like markup', () => {
    const html = '<p>150 moved</p><script>if (a < b) { document.write("</p><p>999"); }</script><p>done</p>';
    expect(htmlToText(html)).toBe('150 moved\n\ndone');
  });

  it('drops a dropped element nested inside itself as a whole', () => {
    expect(htmlToText('<noscript>a<noscript>b</noscript>999</noscript>kept')).toBe('kept');
  });

  it('keeps the text after a self-closing svg', () => {
    expect(htmlToText('<svg viewBox="0 0 1 1"/>150 detainees')).toBe('150 detainees');
  });

  it('ends an unclosed head at the body', () => {
    expect(htmlToText('<html><head><title>Site name</title><body><p>150 moved</p>')).toBe('150 moved');
  });

  it('drops comments', () => {
    expect(htmlToText('150 <!-- 999 --> detainees')).toBe('150 detainees');
  });

  it('ignores attribute values', () => {
    expect(htmlToText('<img alt="999 detainees" src="a.jpg"><p title="999">150</p>')).toBe('150');
  });
});

describe('htmlToText block elements', () => {
  it('separates paragraphs by a blank line', () => {
    expect(htmlToText('<p>First.</p><p>Second.</p>')).toBe('First.\n\nSecond.');
  });

  it('separates headings from divs', () => {
    expect(htmlToText('<h1>Transfer</h1><div>150 moved</div>')).toBe('Transfer\n\n150 moved');
  });

  it('breaks at <br>', () => {
    expect(htmlToText('Hasakah: 150<br>Iraq: 200')).toBe('Hasakah: 150\n\nIraq: 200');
  });

  it('breaks at a self-closing <br/>', () => {
    expect(htmlToText('Hasakah: 150<br/>Iraq: 200')).toBe('Hasakah: 150\n\nIraq: 200');
  });

  it('never leaves more than one blank line', () => {
    expect(htmlToText('<p>A</p><br><br><div><p></p></div><hr><p>B</p>')).toBe('A\n\nB');
  });

  it('puts each item of a nested list in its own block', () => {
    const html = '<ul><li>Camps<ul><li>al-Hol: 40,000</li><li>Roj: 2,000</li></ul></li><li>Prisons</li></ul>';
    expect(htmlToText(html)).toBe('Camps\n\nal-Hol: 40,000\n\nRoj: 2,000\n\nPrisons');
  });

  it('reads a figure caption as its own block and skips the image', () => {
    const html = '<figure><img src="a.jpg"><figcaption>Detainees at al-Hol</figcaption></figure><p>150 moved</p>';
    expect(htmlToText(html)).toBe('Detainees at al-Hol\n\n150 moved');
  });

  it('keeps a table row together and separates its cells by a space', () => {
    const html = '<table><tr><th>Site</th><th>Count</th></tr><tr><td>Hasakah</td><td>150</td></tr></table>';
    expect(htmlToText(html)).toBe('Site Count\n\nHasakah 150');
  });

  it('separates blockquotes from surrounding text', () => {
    expect(htmlToText('He said<blockquote>We moved 150.</blockquote>and left')).toBe('He said\n\nWe moved 150.\n\nand left');
  });
});

describe('htmlToText inline elements', () => {
  it('adds nothing around bold text', () => {
    expect(htmlToText('<b>150</b> fighters')).toBe('150 fighters');
  });

  it('joins a number split by a span', () => {
    expect(htmlToText('1,<span>500</span> detainees')).toBe('1,500 detainees');
  });

  it('keeps link text in the sentence', () => {
    expect(htmlToText('moved to <a href="https://example.com">al-Hol</a> camp')).toBe('moved to al-Hol camp');
  });

  it('keeps one space where inline elements meet at whitespace', () => {
    expect(htmlToText('<em>150 </em> <strong> fighters</strong>')).toBe('150 fighters');
  });
});

describe('htmlToText whitespace', () => {
  it('collapses whitespace inside a block to single spaces', () => {
    expect(htmlToText('<p>  150\n\t detainees   moved </p>')).toBe('150 detainees moved');
  });

  it('trims the result', () => {
    expect(htmlToText('\n  <div>\n  <p> 150 </p>\n</div>\n ')).toBe('150');
  });

  it('returns an empty string for markup without text', () => {
    expect(htmlToText('<div><br><p> </p></div>')).toBe('');
  });
});

describe('htmlToText robustness', () => {
  it('closes unclosed tags implicitly', () => {
    expect(htmlToText('<p>One<p>Two<div>Three')).toBe('One\n\nTwo\n\nThree');
  });

  it('reads a lone "<" as text', () => {
    expect(htmlToText('<p>5 < 6 and 7 > 3</p>')).toBe('5 < 6 and 7 > 3');
  });

  it('keeps CDATA content', () => {
    expect(htmlToText('<p><![CDATA[150 detainees]]></p>')).toBe('150 detainees');
  });

  it('returns the inner text of 100,000 nested divs', () => {
    const html = '<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000);
    expect(htmlToText(html)).toBe('deep');
  });

  it('returns the inner text of 100,000 unclosed divs', () => {
    expect(htmlToText('<div>'.repeat(100_000) + 'deep')).toBe('deep');
  });

  it('keeps all of 1 MB of text', () => {
    const text = 'About 150 detainees were moved. '.repeat(32_768).trim();
    expect(htmlToText(`<p>${text}</p>`)).toBe(text);
  });
});

describe('toPlainText', () => {
  it('converts HTML input', () => {
    expect(toPlainText('<p>150&nbsp;detainees</p><p>moved</p>')).toBe('150 detainees\n\nmoved');
  });

  it('passes entity-free plain text through unchanged', () => {
    const text = 'AT&T counted <100 & rising.\nSecond line.\n\nNew paragraph.';
    expect(toPlainText(text)).toBe(text);
  });

  it('collapses runs of spaces and tabs to one space', () => {
    expect(toPlainText('150   detainees\t\tmoved')).toBe('150 detainees moved');
  });

  it('keeps a single line break', () => {
    expect(toPlainText('Headline  \r\n  Body text')).toBe('Headline\nBody text');
  });

  it('reduces a run holding two or more line breaks to one paragraph break', () => {
    expect(toPlainText('First.\n \n\n\r\n Second.')).toBe('First.\n\nSecond.');
  });

  it('turns a no-break space into an ordinary space', () => {
    expect(toPlainText('7\u00a0000 detainees')).toBe('7 000 detainees');
  });

  it('trims the input', () => {
    expect(toPlainText(' \n 150 moved \n ')).toBe('150 moved');
  });
});
