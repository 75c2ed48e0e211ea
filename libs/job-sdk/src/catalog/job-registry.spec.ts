import { Job, type JobModule } from '../job';
import { stringVar } from '../variables/variable-builders';
import { JobRegistry } from './job-registry';

class Ping extends Job {
  static override readonly meta = { name: 'Ping' };
  static override readonly variables = { host: stringVar() };
  run() {
    return 'pong';
  }
}

class Trace extends Job {
  static override readonly meta = { name: 'Trace' };
  run() {
    return null;
  }
}

describe('JobRegistry', () => {
  it('finds each job of each module by its id, with its class and definition', () => {
    const registry = new JobRegistry([
      { name: 'net', grouping: 'Net', jobs: [Ping, Trace] },
      { name: 'other', grouping: 'Other', jobs: [Ping] },
    ]);
    expect(registry.definitions().map((definition) => definition.id)).toEqual(['net.Ping', 'net.Trace', 'other.Ping']);
    const found = registry.find('other.Ping');
    expect(found?.jobClass).toBe(Ping);
    expect(found?.definition).toMatchObject({ id: 'other.Ping', module: 'other', grouping: 'Other', name: 'Ping' });
    expect(registry.find('net.Trace')?.jobClass).toBe(Trace);
    expect(registry.find('net.Nothing')).toBeUndefined();
    expect(registry.find('Ping')).toBeUndefined();
  });

  it('throws when two jobs share an id within one module', () => {
    expect(() => new JobRegistry([{ name: 'net', grouping: 'Net', jobs: [Ping, Ping] }])).toThrow('Two jobs share the id net.Ping');
  });

  it('throws when two modules of the same name host classes of the same name', () => {
    class Other extends Job {
      static override readonly meta = { name: 'Another ping' };
      run() {
        return null;
      }
    }
    Object.defineProperty(Other, 'name', { value: 'Ping' });
    const modules: JobModule[] = [
      { name: 'net', grouping: 'Net', jobs: [Ping] },
      { name: 'net', grouping: 'Net again', jobs: [Other] },
    ];
    expect(() => new JobRegistry(modules)).toThrow('Two jobs share the id net.Ping');
  });

  it('is empty without modules', () => {
    expect(new JobRegistry([]).definitions()).toEqual([]);
  });
});
