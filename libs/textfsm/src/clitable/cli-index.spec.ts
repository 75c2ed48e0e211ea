import { TextFsmError } from '../textfsm-error';
import { expandCompletions, findIndexRow, parseCliIndex } from './cli-index';

const INDEX = [
  '# First line is the header fields for columns and is mandatory.',
  'Template, Hostname, Platform, Command',
  '',
  'cisco_ios_show_ip_route_vrf.textfsm, .*, cisco_ios, sh[[ow]] ip ro[[ute]] vrf \\S+$',
  'cisco_ios_show_ip_route.textfsm, .*, cisco_ios, sh[[ow]] ip ro[[ute]]',
  'cisco_ios_show_module.textfsm:cisco_ios_show_module_status.textfsm, .*, cisco_ios, sh[[ow]] mod[[ule]]',
  'arista_eos_show_version.textfsm, .*, arista_eos, sh[[ow]] ver[[sion]]',
  '# a comment line',
  'broken line without enough fields',
  'any_platform.textfsm, .*, , show anything',
].join('\n');

describe('the clitable index', () => {
  const index = parseCliIndex(INDEX, 'index');
  const templates = (Platform: string, Command: string) => findIndexRow(index, { Platform, Command })?.templates ?? null;

  it('expands sh[[ow]] into every prefix of the word', () => {
    expect(expandCompletions('sh[[ow]] ver[[sion]]')).toBe('sh(o(w)?)? ver(s(i(o(n)?)?)?)?');
  });

  it('matches abbreviations and the full command, the first matching line winning', () => {
    expect(templates('cisco_ios', 'show ip route')).toEqual(['cisco_ios_show_ip_route.textfsm']);
    expect(templates('cisco_ios', 'sh ip ro')).toEqual(['cisco_ios_show_ip_route.textfsm']);
    expect(templates('cisco_ios', 'show ip route vrf red')).toEqual(['cisco_ios_show_ip_route_vrf.textfsm']);
    expect(templates('arista_eos', 'sho vers')).toEqual(['arista_eos_show_version.textfsm']);
  });

  it('splits several templates on one line on ":"', () => {
    expect(templates('cisco_ios', 'show module')).toEqual(['cisco_ios_show_module.textfsm', 'cisco_ios_show_module_status.textfsm']);
  });

  it("matches columns as Python's re.match does: a regex anchored at the start only; an empty column matches anything", () => {
    expect(templates('cisco_ios', 'show ip route summary')).toEqual(['cisco_ios_show_ip_route.textfsm']);
    expect(templates('cisco_ios_xe', 'show ip route')).toEqual(['cisco_ios_show_ip_route.textfsm']);
    expect(templates('juniper_junos', 'show anything')).toEqual(['any_platform.textfsm']);
    expect(templates('cisco_ios', 'display version')).toBeNull();
    expect(templates('cisco_nxos', 'show version')).toBeNull();
  });

  it('skips comment lines and lines with another number of fields', () => {
    expect(index.rows.map((row) => row.line)).toEqual([4, 5, 6, 7, 10]);
  });

  it('refuses an index without a Template column, and a bad pattern naming its line', () => {
    expect(() => parseCliIndex('Platform, Command\n', 'my/index')).toThrow(expect.objectContaining({ code: 'TEXTFSM_INDEX_INVALID' }));
    const bad = (() => {
      try {
        parseCliIndex('Template, Platform, Command\nx.textfsm, cisco_ios, show (version\n', 'my/index');
      } catch (error) {
        return error as TextFsmError;
      }
      throw new Error('parsed');
    })();
    expect(bad.code).toBe('TEXTFSM_INDEX_INVALID');
    expect(bad.message).toMatch(/^my\/index, line 2: column Command/);
  });
});
