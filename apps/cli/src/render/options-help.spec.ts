import { optionsHelp } from './options-help';

describe('optionsHelp', () => {
  it('puts every description two spaces past the longest flags, continuation lines under the first', () => {
    expect(optionsHelp([['-j, --job <jobId>', "only this job's runs"], ['-s, --status <status>', 'only runs in this state:', 'pending, running']])).toBe(
      ['Options:', "  -j, --job <jobId>      only this job's runs", '  -s, --status <status>  only runs in this state:', '                         pending, running'].join('\n'),
    );
  });

  it('adds the notes after a blank line', () => {
    expect(optionsHelp([['-f, --follow', 'follow it']], ['Without --follow, prints it.'])).toBe('Options:\n  -f, --follow  follow it\n\nWithout --follow, prints it.');
  });
});
