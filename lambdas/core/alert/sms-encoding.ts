/**
 * How long a text is as one SMS. A message whose every character is in the GSM 03.38 default
 * alphabet travels in 7-bit septets (160 to a message); a single character outside it switches
 * the whole message to UCS-2 (70 to a message). Past the limit the network splits the text
 * into parts with smaller limits, and each part is billed: alerts must fit one.
 */

/** The default alphabet, escape (0x1B) left out: it only introduces an extension character. */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** Reached through the escape septet, so each one costs two septets. */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export const GSM7_LIMIT = 160;
export const UCS2_LIMIT = 70;

/** True when every character is in the GSM-7 default alphabet or its extension table. */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM7_BASIC.has(char) && !GSM7_EXTENSION.has(char)) return false;
  return true;
}

/** The length in septets. Only defined for GSM-7 text: anything else is sent as UCS-2. */
export function gsm7Length(text: string): number {
  let septets = 0;
  for (const char of text) {
    if (GSM7_BASIC.has(char)) septets += 1;
    else if (GSM7_EXTENSION.has(char)) septets += 2;
    else throw new RangeError(`not in the GSM-7 alphabet: U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return septets;
}

/** The length in the units the text is sent in: septets for GSM-7, UTF-16 code units otherwise (a surrogate pair takes two). */
export function smsLength(text: string): number {
  return isGsm7(text) ? gsm7Length(text) : text.length;
}

/** How many units one SMS holds for this text: 160 septets, or 70 UCS-2 characters. */
export function smsLimit(text: string): number {
  return isGsm7(text) ? GSM7_LIMIT : UCS2_LIMIT;
}

export function fitsOneSms(text: string): boolean {
  return smsLength(text) <= smsLimit(text);
}
