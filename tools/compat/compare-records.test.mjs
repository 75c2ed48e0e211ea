import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRecords } from './compare-records.mjs';

test('equal records, lists and nested values compare equal', () => {
  const records = [{ a: '1', list: ['x', 'y'] }, { a: '', list: [] }];
  assert.deepEqual(compareRecords(structuredClone(records), records), []);
});

test('a different count, a missing or extra key and a different value are each reported', () => {
  assert.deepEqual(compareRecords([{ a: '1' }], [{ a: '1' }, { a: '2' }]), ['1 records, expected 2']);
  assert.deepEqual(compareRecords([{ a: '1' }], [{ a: '1', b: '' }]), ['record 0: no key b (expected "")']);
  assert.deepEqual(compareRecords([{ a: '1', c: 'x' }], [{ a: '1' }]), ['record 0: extra key c = "x"']);
  assert.deepEqual(compareRecords([{ a: ['1'] }], [{ a: '1' }]), ['record 0: a = ["1"], expected "1"']);
  assert.deepEqual(compareRecords([{ a: ['1', '2'] }], [{ a: ['2', '1'] }]), ['record 0: a = ["1","2"], expected ["2","1"]']);
});

test('stops after the limit', () => {
  assert.equal(compareRecords([{ a: '1', b: '1', c: '1' }], [{ a: '2', b: '2', c: '2' }], 2).length, 2);
});
