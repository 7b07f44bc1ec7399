/**
 * The frames of the Apex code running now, innermost last. Platform code that has no frame of its
 * own but must call back into Apex (a Map comparing keys of a class that declares `equals` and
 * `hashCode`) runs the call in the innermost one.
 */
import type { Frame } from './frame';

const frames: Frame[] = [];

export function pushActiveFrame(frame: Frame): void {
  frames.push(frame);
}

export function popActiveFrame(): void {
  frames.pop();
}

/** The innermost running frame, or undefined when no Apex code is running. */
export function activeFrame(): Frame | undefined {
  return frames[frames.length - 1];
}
