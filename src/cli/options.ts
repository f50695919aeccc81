/**
 * @file Flag parsing shared by the commands: integers within a range, with a message naming the flag.
 */
import { InvalidArgumentError } from 'commander';

/** Parses an integer flag from `min` to `max`, or fails with a message naming it. */
export function intOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}
