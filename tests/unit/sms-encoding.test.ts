/**
 * Specification of SMS length counting: which texts travel as GSM-7 (160 septets to a message,
 * extension characters costing two) and which as UCS-2 (70 characters to a message).
 */
import { describe, expect, it } from 'vitest';
import { fitsOneSms, gsm7Length, isGsm7, smsLength, smsLimit } from '../../lambdas/core/alert/sms-encoding.js';

/** The characters reached through the GSM-7 escape, each sent as two septets. */
const EXTENSION = ['^', '{', '}', '\\', '[', ']', '~', '|', '€', '\f'];

describe('isGsm7', () => {
  it('accepts plain English with digits and common punctuation', () => {
    expect(isGsm7('IS detainees moved to Iraq 2,250->2,750 (+500) Reuters https://ex.com/a/1?x=1&y=2#top')).toBe(true);
  });

  it('accepts the accented and Greek letters of the default alphabet', () => {
    expect(isGsm7('£ ¥ è é ù ì ò Ø å Ä Ö Ñ Ü ß ä ö ñ ü à Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ § ¿ ¡')).toBe(true);
  });

  it.each(EXTENSION)('accepts the extension character %j', (char) => {
    expect(isGsm7(`a${char}b`)).toBe(true);
  });

  it.each([
    ['Arabic', 'مخيم الهول'],
    ['a Kurdish (Sorani) letter', 'ڕووداو'],
    ['a Kurdish (Kurmanji) û, absent from GSM-7', 'Rûdaw'],
    ['a curly apostrophe', 'Iraq’s prisons'],
    ['curly double quotes', '“moved”'],
    ['the ellipsis character', 'al-Hol…'],
    ['the typographic minus sign', '−200'],
    ['a backtick', 'a`b'],
    ['an emoji', 'alert 🚨'],
  ])('rejects text with %s', (_, text) => {
    expect(isGsm7(text)).toBe(false);
  });

  it('rejects the escape character itself, which only introduces an extension character', () => {
    expect(isGsm7('\u001b')).toBe(false);
  });
});

describe('gsm7Length', () => {
  it('counts one septet per default-alphabet character', () => {
    expect(gsm7Length('al-Hol 24,000')).toBe(13);
  });

  it.each(EXTENSION)('counts the extension character %j as two septets', (char) => {
    expect(gsm7Length(`ab${char}`)).toBe(4);
  });

  it('counts a link with brackets and a tilde at its true cost', () => {
    expect(gsm7Length('https://ex.com/~a/[1]')).toBe(24);
  });

  it('refuses text that is not GSM-7', () => {
    expect(() => gsm7Length('Rûdaw')).toThrow(/U\+00FB/);
  });
});

describe('smsLimit', () => {
  it('is 160 for GSM-7 text', () => {
    expect(smsLimit('IS detainees moved to Iraq')).toBe(160);
  });

  it('is 160 for GSM-7 text with extension characters', () => {
    expect(smsLimit('€ [ ] { } ^ ~ | \\')).toBe(160);
  });

  it('is 70 when one character needs UCS-2', () => {
    expect(smsLimit('IS detainees moved to Iraq, Rudaw’s reporter said')).toBe(70);
  });

  it('is 70 for Arabic text', () => {
    expect(smsLimit('مخيم الهول')).toBe(70);
  });
});

describe('smsLength', () => {
  it('counts septets for GSM-7 text', () => {
    expect(smsLength('€100')).toBe(5);
  });

  it('counts UTF-16 units for UCS-2 text, extension characters included as one', () => {
    expect(smsLength('مخيم €')).toBe(6);
  });

  it('counts a character outside the basic plane as two UCS-2 units', () => {
    expect(smsLength('🚨')).toBe(2);
  });
});

describe('fitsOneSms', () => {
  it('fits 160 GSM-7 characters', () => {
    expect(fitsOneSms('a'.repeat(160))).toBe(true);
  });

  it('does not fit 161 GSM-7 characters', () => {
    expect(fitsOneSms('a'.repeat(161))).toBe(false);
  });

  it('does not fit 159 characters plus a euro sign, which costs two', () => {
    expect(fitsOneSms(`${'a'.repeat(159)}€`)).toBe(false);
  });

  it('fits 158 characters plus a euro sign', () => {
    expect(fitsOneSms(`${'a'.repeat(158)}€`)).toBe(true);
  });

  it('fits 70 Arabic characters', () => {
    expect(fitsOneSms('ه'.repeat(70))).toBe(true);
  });

  it('does not fit 71 Arabic characters', () => {
    expect(fitsOneSms('ه'.repeat(71))).toBe(false);
  });

  it('does not fit 80 plain characters once a curly quote makes the text UCS-2', () => {
    expect(fitsOneSms(`${'a'.repeat(79)}’`)).toBe(false);
  });

  it('fits 69 plain characters and a curly quote', () => {
    expect(fitsOneSms(`${'a'.repeat(69)}’`)).toBe(true);
  });

  it('does not fit 69 UCS-2 characters and an emoji, which takes two units', () => {
    expect(fitsOneSms(`${'ه'.repeat(69)}🚨`)).toBe(false);
  });
});
