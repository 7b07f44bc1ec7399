import { ApexBlob, ApexDate, ApexDatetime, ApexDecimal } from '../../values/primitives';
import { OrgDatabase, UnreadableValue } from '../orgDatabase';
import { shopProject } from './shopProject';

const project = shopProject();
const { schema } = project;
const NOON = ApexDatetime.parseIso('2026-11-16T12:00:00.000Z');
const decimal = (text: string) => ApexDecimal.parse(text);

function database(): OrgDatabase {
  return new OrgDatabase(schema, { clock: () => NOON, timeZone: 'Europe/Copenhagen' });
}

function read(db: OrgDatabase, id: string, fieldName: string): unknown {
  const row = db.row(id);
  const object = db.objectOfId(id);
  if (!row || !object) throw new Error(`no row ${id}`);
  return db.read(object.name, row, schema.field(object.name, fieldName)!);
}

describe('OrgDatabase: storing records', () => {
  it('gives an inserted record the next Id with its object`s key prefix', () => {
    const db = database();
    const prefix = schema.object('Order__c')!.keyPrefix;
    expect(db.insert('Order__c', {}).Id).toBe(`${prefix}000000000001AAA`);
    expect(db.insert('Order__c', {}).Id).toBe(`${prefix}000000000002AAA`);
  });

  it('finds a record by its 15- or 18-character Id', () => {
    const db = database();
    const id = db.insert('Account', { Name: 'Acme' }).Id as string;
    expect(db.row(id.slice(0, 15))?.Name).toBe('Acme');
    expect(db.row(id)?.Name).toBe('Acme');
    expect(db.row('001000000000999')).toBeUndefined();
  });

  it('keeps rows in insertion order', () => {
    const db = database();
    db.insert('Account', { Name: 'B' });
    db.insert('Account', { Name: 'A' });
    expect([...db.rows('Account')].map((row) => row.Name)).toEqual(['B', 'A']);
  });

  it('numbers auto-number names in their display format', () => {
    const db = database();
    const first = db.insert('Order__c', {});
    const second = db.insert('Order__c', {});
    expect([first.Name, second.Name]).toEqual(['ORD-0001', 'ORD-0002']);
  });

  it('stores false for an absent checkbox and IsDeleted false', () => {
    const row = database().insert('Order__c', {});
    expect(row.Express__c).toBe(false);
    expect(row.IsDeleted).toBe(false);
  });

  it('stores a Decimal at its field`s scale, rounding half up', () => {
    const db = database();
    const order = db.insert('Order__c', {}).Id as string;
    const line = db.insert('Line__c', { Name: 'L', Order__c: order, Amount__c: decimal('12.345') });
    expect(line.Amount__c).toEqual(decimal('12.35'));
  });

  it('stores a 15-character lookup as the 18-character Id', () => {
    const db = database();
    const account = db.insert('Account', { Name: 'Acme' }).Id as string;
    const order = db.insert('Order__c', { Account__c: account.slice(0, 15) });
    expect(order.Account__c).toBe(account);
  });

  it('keeps a given Id and continues numbering after it', () => {
    const db = database();
    db.insert('Account', { Id: '001000000000007AAA', Name: 'Given' });
    expect(db.insert('Account', { Name: 'Next' }).Id).toBe('001000000000008AAA');
  });

  it('refuses unknown fields, computed fields and values of the wrong type', () => {
    const db = database();
    expect(() => db.insert('Account', { Colour__c: 'red' })).toThrow(
      "No such column 'Colour__c' on entity 'Account'"
    );
    expect(() => db.insert('Order__c', { Net__c: decimal('1') })).toThrow('computed');
    expect(() => db.insert('Order__c', { Total__c: decimal('1') })).toThrow('computed');
    expect(() => db.insert('Order__c', { Placed_On__c: '2026-11-16' })).toThrow('is Date');
  });

  it('updates a record into a new row, leaving the old row as it was', () => {
    const db = database();
    const before = db.insert('Account', { Name: 'Acme', Website: 'acme.test' });
    const after = db.update(before.Id as string, { Name: 'Acme Inc', Website: null });
    expect(after).toMatchObject({ Name: 'Acme Inc' });
    expect(after.Website).toBeUndefined();
    expect(before.Name).toBe('Acme');
    expect(Object.isFrozen(after)).toBe(true);
  });

  it('stamps audit fields and the owner when told who writes', () => {
    const db = database();
    const userId = '005000000000001AAA';
    const order = db.insert('Order__c', {}, { auditUserId: userId });
    expect(order).toMatchObject({
      OwnerId: userId,
      CreatedById: userId,
      LastModifiedById: userId,
      CreatedDate: NOON,
      SystemModstamp: NOON
    });
    const later = ApexDatetime.parseIso('2026-11-17T08:00:00.000Z');
    const updated = db.update(
      order.Id as string,
      { Express__c: true },
      { auditUserId: userId, now: later }
    );
    expect(updated).toMatchObject({ CreatedDate: NOON, LastModifiedDate: later });
  });

  it('fails loudly reading a value it cannot produce', () => {
    const db = database();
    const row = db.insert('Account', { Name: 'Acme' });
    const resource = { ...row, Name: new UnreadableValue('a zip body') };
    expect(() => db.read('Account', resource, schema.field('Account', 'Name')!)).toThrow(
      'not supported offline: a zip body'
    );
  });
});

describe('OrgDatabase: the recycle bin', () => {
  // Apex Developer Guide, "Querying All Records with a SOQL Statement": deleted records stay
  // queryable with ALL ROWS until the recycle bin is emptied.
  it('hides a deleted record from rows() but keeps it for ALL ROWS and by Id', () => {
    const db = database();
    const id = db.insert('Account', { Name: 'Gone' }).Id as string;
    db.delete(id);
    expect([...db.rows('Account')]).toHaveLength(0);
    expect([...db.rows('Account', true)].map((row) => row.IsDeleted)).toEqual([true]);
    expect(db.row(id)?.IsDeleted).toBe(true);
  });

  it('brings a record back with undelete, and refuses to update a deleted one', () => {
    const db = database();
    const id = db.insert('Account', { Name: 'Back' }).Id as string;
    db.delete(id);
    expect(() => db.update(id, { Name: 'x' })).toThrow('entity is deleted');
    db.undelete(id);
    expect([...db.rows('Account')].map((row) => row.Name)).toEqual(['Back']);
  });

  it('forgets a purged record', () => {
    const db = database();
    const id = db.insert('Account', { Name: 'Purged' }).Id as string;
    db.purge(id);
    expect(db.row(id)).toBeUndefined();
    expect([...db.rows('Account', true)]).toHaveLength(0);
  });
});

describe('OrgDatabase: formula fields', () => {
  function order(db: OrgDatabase, values: Record<string, unknown> = {}): string {
    return db.insert('Order__c', values).Id as string;
  }

  it('computes a formula from the record`s own fields when read', () => {
    const db = database();
    const id = order(db, { Discount__c: decimal('10') });
    db.insert('Line__c', { Name: 'L', Order__c: id, Amount__c: decimal('200'), Status__c: 'Open' });
    db.recalculateRollups('Line__c', [id]);
    // A percent field reads as a fraction in formulas: 200 * (1 - 0.10).
    expect(read(db, id, 'Net__c')).toEqual(decimal('180.00'));
  });

  it('follows a lookup to the parent for Account__r.Name', () => {
    const db = database();
    const account = db.insert('Account', { Name: 'Acme' }).Id as string;
    expect(read(db, order(db, { Account__c: account }), 'Account_Name__c')).toBe('Acme');
    expect(read(db, order(db), 'Account_Name__c')).toBeNull();
  });

  it('takes TODAY() in the database`s time zone from its clock', () => {
    const db = database();
    expect(read(db, order(db, { Placed_On__c: ApexDate.of(2026, 11, 6) }), 'Age__c')).toEqual(
      decimal('10')
    );
  });

  it('reads a Percent result as the API does: the fraction times 100, at the field`s scale', () => {
    const db = database();
    expect(read(db, order(db, { Discount__c: decimal('15') }), 'Half_Discount__c')).toEqual(
      decimal('7.5')
    );
  });

  it('reads a blank Checkbox result as false', () => {
    const db = database();
    expect(read(db, order(db), 'Discounted__c')).toBe(false);
  });

  it('reads a formula that fails on the record (#Error!) as null', () => {
    const db = database();
    const id = order(db);
    db.recalculateRollups('Line__c', [id]);
    expect(read(db, id, 'Per_Line__c')).toBeNull();
  });

  it('uses the formula environment the interpreter sets', () => {
    const db = database();
    const id = order(db, { Placed_On__c: ApexDate.of(2026, 11, 6) });
    db.setFormulaEnvironment(() => ({ today: '2026-11-26', now: '2026-11-26T00:00:00.000Z' }));
    expect(read(db, id, 'Age__c')).toEqual(decimal('20'));
  });
});

describe('OrgDatabase: roll-up summaries', () => {
  // Salesforce Help, "Roll-Up Summary Field": COUNT, SUM, MIN and MAX of the master-detail
  // children, optionally filtered.
  function orderWithLines(db: OrgDatabase): string {
    const id = db.insert('Order__c', {}).Id as string;
    const line = (amount: string, status: string, due: ApexDate) =>
      db.insert('Line__c', {
        Name: status,
        Order__c: id,
        Amount__c: decimal(amount),
        Status__c: status,
        Due__c: due
      });
    line('10.00', 'Open', ApexDate.of(2026, 12, 5));
    line('25.50', 'Shipped', ApexDate.of(2026, 12, 1));
    line('100.00', 'Closed', ApexDate.of(2026, 12, 9));
    db.recalculateRollups('Line__c', [id]);
    return id;
  }

  it('sums, counts with a filter listing several picklist values, and takes min and max', () => {
    const db = database();
    const order = db.row(orderWithLines(db))!;
    expect(order.Total__c).toEqual(decimal('135.50'));
    expect(order.Open_Lines__c).toEqual(decimal('2'));
    expect(order.Biggest__c).toEqual(decimal('100.00'));
    expect(order.First_Due__c).toEqual(ApexDate.of(2026, 12, 1));
  });

  it('leaves deleted children out', () => {
    const db = database();
    const id = orderWithLines(db);
    const closed = [...db.rows('Line__c')].find((line) => line.Status__c === 'Closed')!;
    db.delete(closed.Id as string);
    db.recalculateRollups('Line__c', [id]);
    expect(db.row(id)).toMatchObject({ Total__c: decimal('35.50'), Biggest__c: decimal('25.50') });
  });

  it('makes COUNT and SUM zero and MIN and MAX blank without children', () => {
    const db = database();
    const id = db.insert('Order__c', {}).Id as string;
    db.recalculateRollups('Line__c', [id]);
    expect(db.row(id)).toMatchObject({ Total__c: decimal('0'), Open_Lines__c: decimal('0') });
    expect(db.row(id)?.Biggest__c).toBeUndefined();
  });
});

describe('OrgDatabase: forks and snapshots', () => {
  function seeded(): { db: OrgDatabase; id: string } {
    const db = database();
    const id = db.insert('Account', { Name: 'Base' }).Id as string;
    return { db, id };
  }

  it('lets a fork change without touching the database it came from, and the other way round', () => {
    const { db, id } = seeded();
    const fork = db.fork();
    fork.update(id, { Name: 'Fork' });
    fork.insert('Account', { Name: 'Only in fork' });
    db.insert('Account', { Name: 'Only in base' });
    expect([...db.rows('Account')].map((row) => row.Name)).toEqual(['Base', 'Only in base']);
    expect([...fork.rows('Account')].map((row) => row.Name)).toEqual(['Fork', 'Only in fork']);
  });

  it('gives forks their own Id sequences from the same point', () => {
    const { db } = seeded();
    const a = db.fork();
    const b = db.fork();
    expect(a.insert('Account', { Name: 'a' }).Id).toBe(b.insert('Account', { Name: 'b' }).Id);
  });

  it('holds only the rows a fork changed', () => {
    const db = database();
    for (let i = 0; i < 5000; i++) db.insert('Account', { Name: `A${i}` });
    const fork = db.fork();
    expect(fork.changedRowCount()).toBe(0);
    fork.update([...fork.rows('Account')][10].Id as string, { Name: 'changed' });
    expect(fork.changedRowCount()).toBe(1);
    expect(fork.count('Account')).toBe(5000);
  });

  it('returns to a snapshot, Id sequence included', () => {
    const { db, id } = seeded();
    const snapshot = db.snapshot();
    const added = db.insert('Account', { Name: 'Added' }).Id;
    db.update(id, { Name: 'Changed' });
    db.restore(snapshot);
    expect([...db.rows('Account')].map((row) => row.Name)).toEqual(['Base']);
    expect(db.insert('Account', { Name: 'Again' }).Id).toBe(added);
  });

  it('stays writable after many forks, each fork keeping the state it was made from', () => {
    const { db } = seeded();
    const forks = Array.from({ length: 100 }, (_, i) => {
      db.insert('Account', { Name: `After ${i}` });
      return db.fork();
    });
    expect(forks[0].count('Account')).toBe(2);
    expect(forks[99].count('Account')).toBe(101);
    expect(db.count('Account')).toBe(101);
  });

  it('stores a Blob body as given', () => {
    const db = database();
    const row = db.insert('StaticResource', { Name: 'R', Body: ApexBlob.fromString('{}') });
    expect((row.Body as ApexBlob).toUtf8()).toBe('{}');
  });
});
