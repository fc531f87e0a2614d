import { expect } from '@jest/globals';

/** Asserts that calls matching each pattern come in this order (each after the one before). */
export function expectInOrder(calls: readonly string[], patterns: readonly RegExp[]): void {
  let from = 0;
  for (const pattern of patterns) {
    const index = calls.findIndex((call, i) => i >= from && pattern.test(call));
    expect({
      pattern: String(pattern),
      found: index >= 0 ? 'in order' : `not after call ${from}: ${calls.slice(from).join(' | ')}`,
    }).toEqual({
      pattern: String(pattern),
      found: 'in order',
    });
    from = index + 1;
  }
}
