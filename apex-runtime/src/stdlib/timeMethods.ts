/**
 * The methods of Apex's Time class (Apex Reference, "Time Class") over `ApexTime`: a time of day
 * without a zone. Adding past midnight wraps around, as the class has no date to carry into.
 */
import { ApexTime } from '../values/temporal';

export function addHours(time: ApexTime, hours: number): ApexTime {
  return time.addHours(hours);
}

export function addMilliseconds(time: ApexTime, milliseconds: number): ApexTime {
  return time.addMilliseconds(milliseconds);
}

export function addMinutes(time: ApexTime, minutes: number): ApexTime {
  return time.addMinutes(minutes);
}

export function addSeconds(time: ApexTime, seconds: number): ApexTime {
  return time.addSeconds(seconds);
}

export function hour(time: ApexTime): number {
  return time.hour;
}

export function millisecond(time: ApexTime): number {
  return time.millisecond;
}

export function minute(time: ApexTime): number {
  return time.minute;
}

/**
 * `Time.newInstance(hour, minutes, seconds, milliseconds)`. Out-of-range parts roll over within
 * the day (this runtime's choice; the docs are silent).
 */
export function newInstance(
  hour: number,
  minutes: number,
  seconds: number,
  milliseconds: number
): ApexTime {
  return ApexTime.of(hour, minutes, seconds, milliseconds);
}

export function second(time: ApexTime): number {
  return time.second;
}
