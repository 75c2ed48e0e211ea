import { itemClassOf } from './inventory-class';

describe('itemClassOf', () => {
  it.each([
    ['Chassis', 'chassis'],
    ['3640 chassis', 'chassis'],
    ['Power Supply 0', 'powerSupply'],
    ['PWR-460AC-F 1', 'powerSupply'],
    ['Fan Tray 0', 'fan'],
    ['Xcvr 0', 'port'],
    ['SFP-10GBase-SR', 'port'],
    ['Routing Engine 0', 'cpu'],
    ['FPC 0', 'module'],
    ['PIC 0', 'module'],
    ['Slot 1', 'module'],
    ['Midplane', 'module'],
    ['DCS-7150S-52-CL', 'other'],
  ])('%s is %s', (name, itemClass) => expect(itemClassOf(name)).toBe(itemClass));

  it('looks at the description when the name says nothing', () => expect(itemClassOf('DCS-7150S-52-CL', '52-port SFP+ 10GigE 1RU + Clock')).toBe('port'));
});
