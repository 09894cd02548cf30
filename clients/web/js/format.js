// Number formats the console shares between its plots and its tables; a missing value (null) shows as a dash.

const DASH = '–';
const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 -> "1.5 KiB". */
export function bytes(n) {
  if (n == null) return DASH;
  let value = n;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[unit]}`;
}

/** A number with at most `digits` decimals (fewer for big numbers), or a dash. */
export function number(n, digits = 1) {
  if (n == null) return DASH;
  return Math.abs(n) >= 100 || Number.isInteger(n) ? String(Math.round(n)) : n.toFixed(digits);
}

/** A value with its unit ("12.5 ms"), or a dash. */
export function withUnit(n, unit, digits = 1) {
  return n == null ? DASH : `${number(n, digits)} ${unit}`;
}

/** 75 -> "1:15". */
export function clock(seconds) {
  if (seconds == null) return DASH;
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
