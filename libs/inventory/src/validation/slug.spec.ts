import { slugFromName } from './slug';

describe('slugFromName', () => {
  it.each([
    ['Amsterdam 1', 'amsterdam-1'],
    ['  Core / Edge  ', 'core-edge'],
    ['Zürich Hauptbahnhof', 'zurich-hauptbahnhof'],
    ['cisco_ios', 'cisco_ios'],
    ['--Leaf--Spine--', 'leaf-spine'],
    ['DC1.rack42', 'dc1-rack42'],
  ])('makes %j into %j', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it('gives nothing for a name without letters or digits', () => {
    expect(slugFromName('!!! ???')).toBe('');
  });

  it('keeps to 100 characters without ending in a dash', () => {
    const slug = slugFromName(`${'a'.repeat(99)} b`);
    expect(slug).toBe('a'.repeat(99));
    expect(slugFromName('x'.repeat(150))).toHaveLength(100);
  });
});
