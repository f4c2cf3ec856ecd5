"use strict";
// Strict RFC 3339 checks. `Date.parse` alone accepts far too much (`2026-01-32`,
// `March 3`, timestamps without a zone that silently become local time), so the
// shape is checked by regex and the calendar fields by hand before parsing.
Object.defineProperty(exports, "__esModule", { value: true });
exports.isRfc3339Timestamp = isRfc3339Timestamp;
exports.isRfc3339FullDate = isRfc3339FullDate;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year, month) {
    // Arithmetic, not `Date.UTC`, which maps years 0-99 onto 1900-1999.
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}
function validCalendarDate(year, month, day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
/**
 * True for an RFC 3339 `date-time` with a time zone (`Z` or `±hh:mm`), e.g.
 * `2026-03-14T06:30:00+05:00`. Leap seconds (`:60`) are rejected: JavaScript cannot
 * represent them and no agency system is expected to send one.
 */
function isRfc3339Timestamp(value) {
    if (typeof value !== 'string')
        return false;
    const m = TIMESTAMP.exec(value);
    if (!m)
        return false;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    if (!validCalendarDate(year, month, day))
        return false;
    if (hour > 23 || minute > 59 || second > 59)
        return false;
    if (m[8] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59))
        return false;
    return Number.isFinite(Date.parse(value));
}
/** True for an RFC 3339 `full-date`, e.g. `1987-02-28` (used for dates of birth). */
function isRfc3339FullDate(value) {
    if (typeof value !== 'string')
        return false;
    const m = FULL_DATE.exec(value);
    if (!m)
        return false;
    return validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
//# sourceMappingURL=rfc3339.js.map