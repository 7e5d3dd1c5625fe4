/** Exhaustiveness check for discriminated unions: a compile error when a case is missed. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
