import { backoffDelayMs, isSpent } from './redelivery-policy';

describe('backoffDelayMs', () => {
  const policy = { firstDelayMs: 1_000, maxDelayMs: 30_000 };

  it('doubles from the first delay', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelayMs(failures, policy))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelayMs(6, policy)).toBe(30_000);
    expect(backoffDelayMs(10_000, policy)).toBe(30_000);
  });
});

describe('isSpent', () => {
  it('is spent once the failures reach the allowed deliveries', () => {
    expect(isSpent(4, { maxDeliveries: 5 })).toBe(false);
    expect(isSpent(5, { maxDeliveries: 5 })).toBe(true);
  });
});
