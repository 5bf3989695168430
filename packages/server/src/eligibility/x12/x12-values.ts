/** Reading X12 element values: decimal dollars and percentages, without float rounding. */

/** `"30"`, `"30.5"`, `"1500.00"` (dollars) to minor units; `undefined` when not a plain decimal. */
export function dollarsToMinor(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^(\d*)(?:\.(\d{0,2})\d*)?$/);
  if (!match || (match[1] === '' && match[2] === undefined)) return undefined;
  const whole = Number(match[1] || '0');
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

/** EB08 is a decimal fraction (`.2` is 20%); to a percentage, at most two decimals. */
export function fractionToPercent(value: string | undefined): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed || !/^\d*\.?\d+$/.test(trimmed)) return undefined;
  const percent = Math.round(Number(trimmed) * 10_000) / 100;
  return percent <= 100 ? percent : undefined;
}

/** A whole count (EB10 quantity). */
export function wholeNumber(value: string | undefined): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed || !/^\d+(\.0*)?$/.test(trimmed)) return undefined;
  return Number.parseInt(trimmed, 10);
}
