import { interfaceKindOf } from './interface-kind';

describe('interfaceKindOf (IANAifType)', () => {
  it.each([
    [6, 'ethernet'],
    [117, 'ethernet'],
    [62, 'ethernet'],
    [161, 'lag'],
    [24, 'loopback'],
    [53, 'virtual'],
    [135, 'virtual'],
    [136, 'virtual'],
    [131, 'virtual'],
    [1, 'other'],
    [23, 'other'],
    [56, 'other'],
    [null, 'other'],
  ])('maps ifType %p to %p', (ifType, kind) => {
    expect(interfaceKindOf(ifType)).toBe(kind);
  });
});
