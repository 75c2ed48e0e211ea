import { Job } from '../job';
import { isJobClass } from './job-registry';

class Direct extends Job {
  static override readonly meta = { name: 'Direct' };
  run() {
    return null;
  }
}

class Indirect extends Direct {
  static override readonly meta = { name: 'Indirect' };
}

describe('isJobClass', () => {
  it('is true for a class extending Job, directly or through another class', () => {
    expect(isJobClass(Direct)).toBe(true);
    expect(isJobClass(Indirect)).toBe(true);
  });

  it('is false for Job itself, other classes and functions, and values', () => {
    class Plain {
      run() {
        return null;
      }
    }
    for (const value of [Job, Plain, () => null, function named() {}, Object.create(Job.prototype), new Direct(), 'Job', null, undefined, 42]) {
      expect(isJobClass(value)).toBe(false);
    }
  });
});
