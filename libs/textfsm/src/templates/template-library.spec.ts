import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findInstalledNtcTemplates } from './installed-templates';
import { TemplateLibrary } from './template-library';

/** A template folder written by the test: `files` by name, `index` among them. */
function folderWith(root: string, name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return folder;
}

const INTERFACES = ['Value Key PORT (\\S+)', 'Value STATUS (up|down)', '', 'Start', '  ^${PORT} is ${STATUS} -> Record', ''].join('\n');
const SPEEDS = ['Value Key PORT (\\S+)', 'Value SPEED (\\d+G)', '', 'Start', '  ^${PORT} speed ${SPEED} -> Record', ''].join('\n');
const LISTS = ['Value List PEERS ((?P<ip>[\\d.]+)(?: as (?P<as>\\d+))?)', 'Value List NOTES (\\w+)', '', 'Start', '  ^peer ${PEERS}', '  ^note( ${NOTES})?$$', ''].join('\n');

describe('TemplateLibrary', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'textfsm-library-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const library = () =>
    TemplateLibrary.open([
      folderWith(root, 'mine', { index: 'Template, Platform, Command\nmy_interfaces.textfsm, acme_os, sh[[ow]] int[[erfaces]]\n', 'my_interfaces.textfsm': INTERFACES }),
      folderWith(root, 'shared', {
        index: 'Template, Hostname, Platform, Command\n\ninterfaces.textfsm:speeds.textfsm, .*, acme_os, sh[[ow]] (int[[erfaces]]|ports)\nlists.textfsm, .*, acme_os, sh[[ow]] peers\nmissing.textfsm, .*, acme_os, sh[[ow]] ghost\n',
        'interfaces.textfsm': INTERFACES,
        'speeds.textfsm': SPEEDS,
        'lists.textfsm': LISTS,
      }),
    ]);

  it("uses the first folder whose index has the command (the user's own before ntc-templates)", () => {
    expect(library().choose('acme_os', 'sh int')).toEqual({ folder: join(root, 'mine'), templates: ['my_interfaces.textfsm'] });
    expect(library().choose('acme_os', 'show ports')).toEqual({ folder: join(root, 'shared'), templates: ['interfaces.textfsm', 'speeds.textfsm'] });
    expect(library().choose('other_os', 'show ports')).toBeNull();
  });

  it('merges the records of several templates by their Key values, with lower-case keys', () => {
    expect(library().parse('acme_os', 'show ports', 'Gi1 is up\nGi2 is down\nGi2 speed 10G\n')).toEqual([
      { port: 'Gi1', status: 'up', speed: '' },
      { port: 'Gi2', status: 'down', speed: '10G' },
    ]);
  });

  it("turns List items into text as clitable does: None as 'None', a nested record as its Python dict text", () => {
    expect(library().parse('acme_os', 'show peers', 'peer 10.0.0.1 as 65000\npeer 10.0.0.2\nnote\nnote its\n')).toEqual([
      { peers: ["{'ip': '10.0.0.1', 'as': '65000'}", "{'ip': '10.0.0.2', 'as': None}"], notes: ['None', 'its'] },
    ]);
  });

  it('fails with stable codes: no template for the command, a template file the index names but lacks', () => {
    expect(() => library().parse('acme_os', 'show nothing', '')).toThrow(expect.objectContaining({ code: 'TEXTFSM_NO_TEMPLATE' }));
    expect(() => library().parse('acme_os', 'show ghost', '')).toThrow(expect.objectContaining({ code: 'TEXTFSM_INDEX_INVALID', message: expect.stringContaining('missing.textfsm') }));
    expect(() => TemplateLibrary.open([join(root, 'nowhere')])).toThrow(expect.objectContaining({ code: 'TEXTFSM_INDEX_INVALID' }));
  });

  it('says how to install ntc-templates when .yard has none', () => {
    expect(() => findInstalledNtcTemplates(root)).toThrow(expect.objectContaining({ code: 'TEXTFSM_TEMPLATES_MISSING', message: expect.stringContaining('npm run stack:up') }));
    const templates = folderWith(root, '.yard/ntc-templates/venv-9.2.0/lib/python3.11/site-packages/ntc_templates/templates', { index: 'Template, Platform, Command\n' });
    expect(findInstalledNtcTemplates(join(root, 'libs', 'textfsm', 'dist'))).toBe(templates);
  });
});
