/**
 * The state of one query execution: the security context it runs in, the binds it evaluated (each
 * once), and every object and field it touches, for the access checks made before any row is read.
 *
 * Access modes (Apex Developer Guide, "Enforce User Mode for Database Operations"):
 * - `WITH USER_MODE` / `AccessLevel.USER_MODE`: object and field access checked on every field
 *   the query uses, in every clause; sharing always applies.
 * - `WITH SYSTEM_MODE` / `AccessLevel.SYSTEM_MODE` and no clause (API 66.0 and before): no
 *   object or field checks; sharing per the class's sharing keyword.
 * - `WITH SECURITY_ENFORCED`: object and field access checked on the SELECT list and FROM only;
 *   sharing per the class's sharing keyword.
 *
 * Choices where the documentation is silent, each pinned by a test:
 * - An AccessLevel argument together with a WITH access clause in the query is refused.
 * - In user mode an unreadable field fails as the platform reports a field it cannot find
 *   (`No such column ...`), naming the first one; the exception lists them all
 *   (`getInaccessibleFields()`). An unreadable object fails as an unknown object.
 * - Where sharing applies it applies to every record the query returns: parents the user cannot
 *   see come back as null relationships (the lookup Id itself is still returned), and child and
 *   semi-join rows are filtered too.
 */
import type { FieldDescribe, ObjectDescribe, OrgSchema } from '../metadata/schema';
import type { DataSource, StoredRow } from '../platform/dataSource';
import type { CalendarSettings } from './dateLiterals';
import { resolveFieldPath, type ResolvedField, type RowReader } from './fieldPaths';
import type { AccessMode, QueryEnvironment } from './queryEnvironment';
import type {
  AccessModeClause,
  FieldRef,
  IntegerOrBind,
  SoqlBind,
  SourcePosition
} from './soqlAst';
import {
  NotSupportedOfflineError,
  QueryException,
  noSuchColumn,
  unsupportedObject
} from './soqlErrors';
import { nameObjectDescribe } from './syntheticObjects';

/** Where in the query a name is used: the SELECT list and FROM, or any other clause. */
export type Clause = 'select' | 'other';

const SECURE_QUERY_MESSAGE = 'Insufficient permissions: secure query included inaccessible field';

export class ExecutionContext implements RowReader {
  readonly source: DataSource;
  readonly schema: OrgSchema;
  readonly calendar: CalendarSettings;
  /** Whether record sharing applies. */
  readonly enforceSharing: boolean;
  /** Which object and field permissions apply: every clause, the select list, or none. */
  readonly permissionScope: 'all' | 'select' | 'none';
  /** Rows returned so far, counted toward the query-rows limit. */
  rowsReturned = 0;
  private readonly binds = new Map<SoqlBind, unknown>();
  private readonly objectsUsed = new Map<string, { object: ObjectDescribe; clause: Clause }>();
  private readonly fieldsUsed = new Map<
    string,
    { object: ObjectDescribe; field: FieldDescribe; clause: Clause }
  >();

  constructor(
    readonly env: QueryEnvironment,
    withClause: AccessModeClause | undefined
  ) {
    this.source = env.source;
    this.schema = env.source.schema;
    this.calendar = {
      today: env.today,
      fiscalYearStartMonth: env.fiscalYearStartMonth,
      firstDayOfWeek: env.firstDayOfWeek ?? 0,
      customFiscalYears: env.customFiscalYears
    };
    if (withClause && env.accessLevel) {
      throw new NotSupportedOfflineError(
        `an AccessLevel argument together with WITH ${withClause} in the query`
      );
    }
    const mode: AccessMode | 'SECURITY_ENFORCED' =
      env.accessLevel ?? withClause ?? env.defaultAccessMode ?? 'SYSTEM_MODE';
    this.enforceSharing = mode === 'USER_MODE' || env.withSharing;
    this.permissionScope =
      mode === 'USER_MODE' ? 'all' : mode === 'SECURITY_ENFORCED' ? 'select' : 'none';
  }

  /** The value of a bind, evaluated once per execution however often the query uses it. */
  bindValue(bind: SoqlBind): unknown {
    if (!this.binds.has(bind)) this.binds.set(bind, this.env.bind(bind));
    return this.binds.get(bind);
  }

  /** A LIMIT or OFFSET value. */
  integer(value: IntegerOrBind, clause: 'LIMIT' | 'OFFSET'): number {
    const number = value.kind === 'integer' ? value.value : this.bindValue(value);
    if (typeof number !== 'number' || !Number.isInteger(number)) {
      throw new QueryException(`${clause} needs an Integer, not ${String(number)}`, value.position);
    }
    if (number < 0) {
      throw new QueryException(`${clause} must be a non-negative integer`, value.position);
    }
    if (clause === 'OFFSET' && number > 2000) {
      throw new QueryException('Maximum SOQL offset allowed is 2000', value.position);
    }
    return number;
  }

  /** Whether a row of the queried object (or a child, or a semi-join row) may be returned. */
  rowVisible(object: ObjectDescribe, row: StoredRow): boolean {
    return !this.enforceSharing || this.env.access.recordVisible(object.name, row);
  }

  parentVisible(object: ObjectDescribe, row: StoredRow): boolean {
    return row.IsDeleted !== true && this.rowVisible(object, row);
  }

  /** The object named in FROM, recorded for the access checks. */
  object(name: string, position: SourcePosition, clause: Clause): ObjectDescribe {
    const object = this.schema.object(name);
    if (!object) throw unsupportedObject(name, position);
    this.useObject(object, clause);
    return object;
  }

  useObject(object: ObjectDescribe, clause: Clause): void {
    const used = this.objectsUsed.get(object.name);
    if (!used || clause === 'select') this.objectsUsed.set(object.name, { object, clause });
  }

  useField(object: ObjectDescribe, field: FieldDescribe, clause: Clause): void {
    // The Name object of polymorphic relationships has no permissions of its own.
    if (object === nameObjectDescribe()) return;
    const key = `${object.name}.${field.name}`;
    const used = this.fieldsUsed.get(key);
    if (!used || clause === 'select') this.fieldsUsed.set(key, { object, field, clause });
  }

  /** A field reference resolved from `root`, with every object and field on its path recorded. */
  resolve(root: ObjectDescribe, ref: FieldRef, fromAlias: string | undefined, clause: Clause) {
    const resolved: ResolvedField = resolveFieldPath(this.schema, root, ref, fromAlias);
    for (const hop of resolved.hops) {
      this.useField(hop.from, hop.field, clause);
      if (hop.target) this.useObject(hop.target, clause);
    }
    this.useField(resolved.object, resolved.field, clause);
    return resolved;
  }

  /** Whether FIELDS() lists a field: with permissions enforced, only fields the user can read. */
  fieldListed(object: ObjectDescribe, field: FieldDescribe): boolean {
    return (
      this.permissionScope === 'none' || this.env.access.fieldReadable(object.name, field.name)
    );
  }

  /** Fails the query when it uses an object or field the running user may not read. */
  checkAccess(): void {
    if (this.permissionScope === 'none') return;
    const inScope = (clause: Clause) => this.permissionScope === 'all' || clause === 'select';
    const access = this.env.access;
    for (const { object, clause } of this.objectsUsed.values()) {
      if (inScope(clause) && !access.objectReadable(object.name)) {
        throw this.permissionScope === 'all'
          ? unsupportedObject(object.name)
          : new QueryException(SECURE_QUERY_MESSAGE);
      }
    }
    const inaccessible = new Map<string, string[]>();
    for (const { object, field, clause } of this.fieldsUsed.values()) {
      if (inScope(clause) && !access.fieldReadable(object.name, field.name)) {
        const fields = inaccessible.get(object.name) ?? [];
        fields.push(field.name);
        inaccessible.set(object.name, fields);
      }
    }
    const first = inaccessible.entries().next();
    if (first.done) return;
    if (this.permissionScope === 'select') throw new QueryException(SECURE_QUERY_MESSAGE);
    const [objectName, fields] = first.value;
    const message = noSuchColumn(fields[0], objectName).message;
    throw new QueryException(message, undefined, inaccessible);
  }
}
