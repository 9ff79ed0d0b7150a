"""Paris local time without `zoneinfo` (Pyodide's core has no tz database).

France follows the EU rule since 1996: summer time (+02:00) from the last
Sunday of March at 01:00 UTC to the last Sunday of October at 01:00 UTC,
winter time (+01:00) otherwise. The tests hold this module to `zoneinfo`'s
Europe/Paris over FIRST_YEAR to LAST_YEAR, the years the engine answers for
(`checks.parse_instant` refuses an instant outside them, from the command
line's `--at` as from the page's `?at=`), so the command line and the browser
resolve a local time alike.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

# The years, in Paris time, of the instants the engine answers for: the EU rule
# is in force over all of them, and every date they lead to is representable.
FIRST_YEAR = 2000
LAST_YEAR = 2099

WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))
_TRANSITION_UTC_HOUR = 1


def _last_sunday(year: int, month: int) -> date:
    first_of_next = date(year + (month == 12), month % 12 + 1, 1)
    last = first_of_next - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _summer_bounds_utc(year: int) -> tuple[datetime, datetime]:
    """The naive UTC instants at which summer time starts and ends that year."""
    start = datetime.combine(_last_sunday(year, 3), datetime.min.time()).replace(hour=_TRANSITION_UTC_HOUR)
    end = datetime.combine(_last_sunday(year, 10), datetime.min.time()).replace(hour=_TRANSITION_UTC_HOUR)
    return start, end


def _is_summer_utc(naive_utc: datetime) -> bool:
    start, end = _summer_bounds_utc(naive_utc.year)
    return start <= naive_utc < end


def paris_zone_at(instant: datetime) -> timezone:
    """Paris's UTC offset (as a fixed timezone) at an aware instant."""
    naive_utc = instant.astimezone(timezone.utc).replace(tzinfo=None)
    return SUMMER if _is_summer_utc(naive_utc) else WINTER


def paris_offset(local: datetime) -> timedelta:
    """The UTC offset of a naive Paris wall-clock time, as `zoneinfo` gives it.

    In the autumn's repeated hour, `fold=0` is the first (summer) one; in the
    spring's skipped hour, `fold=0` takes the offset from before the change.
    """
    local = local.replace(tzinfo=None)
    summer_fits = _is_summer_utc(local - timedelta(hours=2))
    winter_fits = not _is_summer_utc(local - timedelta(hours=1))
    if summer_fits and winter_fits:  # the repeated hour of October
        summer = not local.fold
    elif summer_fits or winter_fits:
        summer = summer_fits
    else:  # the skipped hour of March: fold=0 keeps the winter offset
        summer = bool(local.fold)
    return SUMMER.utcoffset(None) if summer else WINTER.utcoffset(None)


def paris_time(moment: datetime) -> datetime:
    """An aware datetime in Paris's offset: a naive one is read as Paris wall-clock time.

    A wall-clock time of the spring's skipped hour is the real instant it names
    with the winter offset (02:30 is 03:30+02:00), as zoneinfo's fold=0 gives
    once normalised; in the autumn's repeated hour, `fold` chooses (0: the
    first, in summer time)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        read = moment.replace(tzinfo=timezone(paris_offset(moment)), fold=0)
        return read.astimezone(paris_zone_at(read))
    return moment.astimezone(paris_zone_at(moment))


def within_answered_years(moment: datetime) -> bool:
    """Whether the instant (naive: Paris wall-clock time) falls in FIRST_YEAR to LAST_YEAR in Paris."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:  # before converting: year 1 or 9999 would overflow
        return False
    return FIRST_YEAR <= paris_time(moment).year <= LAST_YEAR


def is_midnight(moment: datetime) -> bool:
    """Whether the instant is midnight in Paris: a bound the notice gave as a date, without an hour."""
    local = paris_time(moment)
    return (local.hour, local.minute, local.second) == (0, 0, 0)
