import { coveringSubject, subjectMatcher } from './follow-stream';

describe('coveringSubject', () => {
  it('replaces the tokens that differ with * when the subjects have the same shape', () => {
    expect(coveringSubject(['yard.run.*.requested', 'yard.run.*.started', 'yard.run.*.completed'])).toBe('yard.run.*.*');
    expect(coveringSubject(['yard.run.a.log'])).toBe('yard.run.a.log');
  });

  it('keeps the common prefix and ends with > otherwise', () => {
    expect(coveringSubject(['yard.run.a.>', 'yard.run.b.log'])).toBe('yard.run.>');
    expect(coveringSubject(['yard.run.a', 'yard.run.a.log'])).toBe('yard.run.a.>');
    expect(coveringSubject(['yard.run.>', 'other.run.x.log'])).toBe('>');
  });
});

describe('subjectMatcher', () => {
  it('matches * to exactly one token and > to one or more', () => {
    expect(subjectMatcher('yard.run.*.log')('yard.run.r1.log')).toBe(true);
    expect(subjectMatcher('yard.run.*.log')('yard.run.r1.started')).toBe(false);
    expect(subjectMatcher('yard.run.*.log')('yard.run.r1.log.x')).toBe(false);
    expect(subjectMatcher('yard.run.*.log')('yard.run.log')).toBe(false);
    expect(subjectMatcher('yard.run.r1.>')('yard.run.r1.log')).toBe(true);
    expect(subjectMatcher('yard.run.r1.>')('yard.run.r1')).toBe(false);
    expect(subjectMatcher('yard.run.r1.log')('yard.run.r1.log')).toBe(true);
  });
});
