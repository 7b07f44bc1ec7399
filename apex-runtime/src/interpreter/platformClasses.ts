/**
 * The platform's classes that user code extends or implements: `Exception` and the System
 * exceptions (with their methods), and the interfaces the platform calls into (Comparable,
 * Schedulable, Queueable, Database.Batchable...).
 */
import { ClassInfo, type MethodInfo, type NativeMethod } from './classInfo';
import type { Program } from './program';
import { ApexObject, exceptionState, type ExceptionState } from './objects';
import { typeNamed, type TypeRef } from '../values/typeRef';
import { formatStack } from './stackTrace';
import { statusCodeOf } from './nativeTypes';

const PLATFORM_FILE = '<platform>';

/** System exceptions (Apex Reference, "Exception Class and Built-In Exceptions"). */
export const SYSTEM_EXCEPTIONS = [
  'AssertException',
  'AsyncException',
  'AuraHandledException',
  'CalloutException',
  'CustomNotificationException',
  'DmlException',
  'EmailException',
  'FinalException',
  'FormulaEvaluationException',
  'FormulaValidationException',
  'HandledException',
  'IllegalArgumentException',
  'InvalidParameterValueException',
  'JSONException',
  'LimitException',
  'ListException',
  'MathException',
  'NoAccessException',
  'NoDataFoundException',
  'NoSuchElementException',
  'NullPointerException',
  'QueryException',
  'RequiredFeatureMissingException',
  'SearchException',
  'SecurityException',
  'SerializationException',
  'SObjectException',
  'StringException',
  'TypeException',
  'UnexpectedException',
  'XmlException'
];

const PLATFORM_INTERFACES: { name: string; methods: [string, TypeRef | null, TypeRef[]][] }[] = [
  { name: 'Comparable', methods: [['compareTo', typeNamed('Integer'), [typeNamed('Object')]]] },
  {
    name: 'Comparator',
    methods: [['compare', typeNamed('Integer'), [typeNamed('Object'), typeNamed('Object')]]]
  },
  { name: 'Schedulable', methods: [['execute', null, [typeNamed('SchedulableContext')]]] },
  { name: 'Queueable', methods: [['execute', null, [typeNamed('QueueableContext')]]] },
  { name: 'Database.Batchable', methods: [] },
  { name: 'Database.Stateful', methods: [] },
  { name: 'Database.AllowsCallouts', methods: [] },
  { name: 'Database.RaisesPlatformEvents', methods: [] },
  { name: 'Iterable', methods: [] },
  { name: 'Iterator', methods: [] },
  { name: 'Callable', methods: [] },
  { name: 'Finalizer', methods: [] }
];

function nativeMethod(
  owner: ClassInfo,
  name: string,
  params: TypeRef[],
  returnType: TypeRef | null,
  native: NativeMethod
): MethodInfo {
  return {
    name,
    owner,
    params: params.map((type, index) => ({ name: `p${index}`, type })),
    returnType,
    isStatic: false,
    isAbstract: false,
    isConstructor: false,
    access: 'public',
    annotations: [],
    native
  };
}

function stateOf(self: unknown): ExceptionState {
  return exceptionState(self as ApexObject);
}

const STRING = typeNamed('String');
const INTEGER = typeNamed('Integer');
const EXCEPTION = typeNamed('Exception');

function dmlRow(self: unknown, args: unknown[]) {
  const rows = stateOf(self).dmlRows ?? [];
  const index = args[0] as number;
  return rows[index] ?? null;
}

function exceptionMethods(owner: ClassInfo): MethodInfo[] {
  return [
    nativeMethod(owner, 'getMessage', [], STRING, (_frame, self) => stateOf(self).message),
    nativeMethod(owner, 'setMessage', [STRING], null, (_frame, self, args) => {
      const state = stateOf(self);
      state.message = args[0] as string | null;
      if (state.auraMessage !== undefined) state.auraMessage = state.message ?? '';
      return null;
    }),
    nativeMethod(owner, 'getCause', [], EXCEPTION, (_frame, self) => stateOf(self).cause),
    nativeMethod(owner, 'initCause', [EXCEPTION], null, (_frame, self, args) => {
      stateOf(self).cause = args[0] as ApexObject | null;
      return null;
    }),
    nativeMethod(owner, 'getLineNumber', [], INTEGER, (_frame, self) => stateOf(self).line),
    nativeMethod(owner, 'getStackTraceString', [], STRING, (_frame, self) =>
      formatStack(stateOf(self).stack)
    ),
    nativeMethod(
      owner,
      'getTypeName',
      [],
      STRING,
      (_frame, self) => (self as ApexObject).cls.typeName
    )
  ];
}

function dmlExceptionMethods(owner: ClassInfo): MethodInfo[] {
  return [
    nativeMethod(
      owner,
      'getNumDml',
      [],
      INTEGER,
      (_frame, self) => (stateOf(self).dmlRows ?? []).length
    ),
    nativeMethod(
      owner,
      'getDmlMessage',
      [INTEGER],
      STRING,
      (_frame, self, args) => dmlRow(self, args)?.message ?? null
    ),
    nativeMethod(
      owner,
      'getDmlId',
      [INTEGER],
      typeNamed('Id'),
      (_frame, self, args) => dmlRow(self, args)?.id ?? null
    ),
    nativeMethod(
      owner,
      'getDmlIndex',
      [INTEGER],
      INTEGER,
      (_frame, self, args) => dmlRow(self, args)?.index ?? null
    ),
    nativeMethod(
      owner,
      'getDmlStatusCode',
      [INTEGER],
      STRING,
      (_frame, self, args) => dmlRow(self, args)?.statusCode ?? null
    ),
    nativeMethod(
      owner,
      'getDmlType',
      [INTEGER],
      typeNamed('System.StatusCode'),
      (_frame, self, args) => {
        const code = dmlRow(self, args)?.statusCode;
        return code === undefined ? null : statusCodeOf(code);
      }
    ),
    nativeMethod(
      owner,
      'getDmlFieldNames',
      [INTEGER],
      { name: 'List', args: [STRING] },
      (frame, self, args) => frame.ctx.newStringList(dmlRow(self, args)?.fields ?? [])
    )
  ];
}

export function installPlatformClasses(program: Program): void {
  const exception = new ClassInfo({
    name: 'Exception',
    kind: 'class',
    file: PLATFORM_FILE,
    typeName: 'System.Exception'
  });
  exception.isException = true;
  exception.isVirtual = true;
  for (const method of exceptionMethods(exception)) exception.addMethod(method);
  program.register(exception);
  for (const name of SYSTEM_EXCEPTIONS) {
    const cls = new ClassInfo({
      name,
      kind: 'class',
      file: PLATFORM_FILE,
      typeName: `System.${name}`
    });
    cls.superclass = exception;
    cls.isException = true;
    cls.isVirtual = true;
    if (name === 'DmlException' || name === 'EmailException') {
      for (const method of dmlExceptionMethods(cls)) cls.addMethod(method);
    }
    program.register(cls);
  }
  for (const face of PLATFORM_INTERFACES) {
    const cls = new ClassInfo({ name: face.name, kind: 'interface', file: PLATFORM_FILE });
    cls.isAbstract = true;
    for (const [methodName, returnType, params] of face.methods) {
      const method = nativeMethod(cls, methodName, params, returnType, () => null);
      method.isAbstract = true;
      method.native = undefined;
      cls.addMethod(method);
    }
    program.register(cls);
  }
}
