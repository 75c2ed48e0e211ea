import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateLibrary } from '../templates/template-library';
import { GuardedParser } from './guarded-parser';

// The thread runs the compiled library (dist/guarded/parser-worker.js): `npm run build` first, as npm test does.
const INTERFACES = ['Value PORT (\\S+)', 'Value STATUS (up|down)', '', 'Start', '  ^${PORT} is ${STATUS} -> Record', ''].join('\n');
const REFUSING = ['Value PORT (\\S+)', '', 'Start', '  ^port ${PORT} -> Record', '  ^. -> Error "not a port line"', ''].join('\n');
// A lookahead keeps V8 from its linear-time fallback: `(a+)+b` then backtracks exponentially on a run of a's without b.
const RUNAWAY = ['Value WORD ((?=a)(a+)+b)', '', 'Start', '  ^name is \\w+', '  ^${WORD} -> Record', ''].join('\n');

describe('GuardedParser', () => {
  let folder: string;
  let parser: GuardedParser;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'textfsm-guarded-'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index'), 'Template, Platform, Command\n\ninterfaces.textfsm, acme_os, sh[[ow]] int[[erfaces]]\nrefusing.textfsm, acme_os, sh[[ow]] ports\nrunaway.textfsm, acme_os, sh[[ow]] words\n');
    writeFileSync(join(folder, 'interfaces.textfsm'), INTERFACES);
    writeFileSync(join(folder, 'refusing.textfsm'), REFUSING);
    writeFileSync(join(folder, 'runaway.textfsm'), RUNAWAY);
    parser = new GuardedParser({ folders: [folder], deadlineMs: 1_000 });
  });

  afterEach(async () => {
    await parser.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers what the library answers, on its own thread', async () => {
    const output = 'Gi1 is up\nGi2 is down\n';
    await expect(parser.parse('acme_os', 'sh int', output)).resolves.toEqual(TemplateLibrary.open([folder]).parse('acme_os', 'sh int', output));
  });

  it("passes the library's errors on with their codes", async () => {
    await expect(parser.parse('acme_os', 'show ports', 'port Gi1\nGarbage\n')).rejects.toMatchObject({ code: 'TEXTFSM_ERROR_ACTION', where: { templateLine: 5, inputLine: 2 } });
    await expect(parser.parse('acme_os', 'show nothing', '')).rejects.toMatchObject({ code: 'TEXTFSM_NO_TEMPLATE' });
  });

  it('stops a match that runs away at the deadline, naming the template, its rule line and the input line, then parses on', async () => {
    const started = Date.now();
    const failure = parser.parse('acme_os', 'show words', `name is r1\n${'a'.repeat(40)}!\n`);
    // Queued behind the runaway: answered by a fresh thread once the runaway one is stopped.
    const next = parser.parse('acme_os', 'show interfaces', 'Gi1 is up\n');
    await expect(failure).rejects.toMatchObject({
      code: 'TEXTFSM_RUNAWAY',
      message: expect.stringMatching(/runaway\.textfsm: no result after 1000 ms \(the rule on template line 5 was still matching input line 2\)/),
      where: { template: join(folder, 'runaway.textfsm'), templateLine: 5, inputLine: 2 },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(next).resolves.toEqual([{ port: 'Gi1', status: 'up' }]);
  });

  it('fails what it had not answered when closed, and refuses more', async () => {
    const pending = expect(parser.parse('acme_os', 'show words', `${'a'.repeat(40)}!\n`)).rejects.toThrow('closed');
    await parser.close();
    await pending;
    await expect(parser.parse('acme_os', 'sh int', '')).rejects.toThrow('closed');
  });
});
