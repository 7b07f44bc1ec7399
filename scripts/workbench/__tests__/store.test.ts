import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStore } from '../server/store';

describe('LocalStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wb-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty when no file exists', () => {
    expect(new LocalStore(join(dir, 'store.json')).read()).toEqual({});
  });

  it('merges successive saves of a record and keeps them across instances', () => {
    const file = join(dir, 'nested', 'store.json');
    new LocalStore(file).save('006A', { NextStep: 'Call', Data_Quality_Score__c: 60 });
    new LocalStore(file).save('006A', { Data_Quality_Score__c: 80 });
    expect(new LocalStore(file).read()).toEqual({
      '006A': { NextStep: 'Call', Data_Quality_Score__c: 80 }
    });
  });

  it('reset returns to nothing stored', () => {
    const store = new LocalStore(join(dir, 'store.json'));
    store.save('001A', { Industry: 'Energy' });
    store.reset();
    expect(store.read()).toEqual({});
  });

  it('refuses a file that is not a workbench store rather than dropping it', () => {
    const file = join(dir, 'store.json');
    writeFileSync(file, '{"something":"else"}');
    expect(() => new LocalStore(file).read()).toThrow(/--reset/);
    expect(readFileSync(file, 'utf8')).toBe('{"something":"else"}');
  });
});
