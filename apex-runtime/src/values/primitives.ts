/**
 * The primitive Apex values that JavaScript has no exact counterpart for, and the type names the
 * runtime uses. How each Apex type is held at run time:
 *
 * | Apex      | JavaScript                                   |
 * | --------- | -------------------------------------------- |
 * | null      | null                                         |
 * | Boolean   | boolean                                      |
 * | Integer   | number (always a 32-bit integer)             |
 * | Long      | bigint (always within 64 bits)               |
 * | Double    | ApexDouble                                   |
 * | Decimal   | ApexDecimal                                  |
 * | String    | string                                       |
 * | Id        | string, 18 characters                        |
 * | Date, Datetime, Time | ApexDate, ApexDatetime, ApexTime  |
 * | Blob      | ApexBlob                                     |
 */
import { javaDoubleToString } from './decimal';

export { ApexDecimal } from './decimal';
export { ApexDate, ApexDatetime, ApexTime } from './temporal';

export class ApexDouble {
  readonly value: number;

  constructor(value: number) {
    this.value = value;
  }

  toString(): string {
    return formatDouble(this.value);
  }
}

/**
 * A Double as Apex prints it (Java's Double.toString): `1.0`, `0.1`, `1.0E10`, `1.234E-5`.
 */
export function formatDouble(value: number): string {
  return javaDoubleToString(value);
}

export class ApexBlob {
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  static fromString(text: string): ApexBlob {
    return new ApexBlob(new TextEncoder().encode(text));
  }

  /** The bytes read as UTF-8 (Blob.toString()). */
  toUtf8(): string {
    return new TextDecoder().decode(this.bytes);
  }

  toString(): string {
    return 'Blob[' + this.bytes.length + ']';
  }
}

/** Int32 arithmetic wrap, as Apex Integer overflows silently. */
export function toInt32(value: number): number {
  return value | 0;
}

/** Int64 arithmetic wrap, as Apex Long overflows silently. */
export function toInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}
