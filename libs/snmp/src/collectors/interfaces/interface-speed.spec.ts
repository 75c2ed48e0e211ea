import { speedKbps } from './interface-speed';

describe('speedKbps', () => {
  it('reads ifSpeed in bit/s below its ceiling, ifHighSpeed above it or without ifSpeed', () => {
    expect(speedKbps(1_000_000_000, 1000)).toBe(1_000_000);
    expect(speedKbps(100_000_000, null)).toBe(100_000);
    expect(speedKbps(4_294_967_295, 10_000)).toBe(10_000_000);
    expect(speedKbps(null, 40_000)).toBe(40_000_000);
    expect(speedKbps(0, 0)).toBe(0);
    expect(speedKbps(null, null)).toBeNull();
  });
});
