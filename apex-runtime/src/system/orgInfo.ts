/**
 * What code asks about the running user and the org: UserInfo (Apex Reference, "UserInfo Class"),
 * FeatureManagement.checkPermission (custom permissions from the user's profile, permission sets
 * and groups), and Security.stripInaccessible (fields the user cannot read or edit removed).
 */
import { NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { SObjectValue } from '../values/sobject';
import { STRING_TYPE, setOf } from '../values/typeRef';
import type { Frame } from '../interpreter/frame';
import { defineNative, NativeObject, type NativeStatic } from '../interpreter/nativeTypes';
import { EnumValue } from '../interpreter/objects';
import { nullPointer } from '../interpreter/operators';
import { sessionOf } from '../execution/session';

function userField(name: string): NativeStatic {
  return (frame) => {
    const row = sessionOf(frame).database.row(frame.ctx.user.id);
    return row?.[name] ?? null;
  };
}

defineNative({
  name: 'UserInfo',
  aliases: ['System.UserInfo'],
  statics: {
    getuserid: (frame) => frame.ctx.user.id,
    getname: userField('Name'),
    getfirstname: userField('FirstName'),
    getlastname: userField('LastName'),
    getusername: userField('Username'),
    getuseremail: userField('Email'),
    getprofileid: userField('ProfileId'),
    getuserroleid: userField('UserRoleId'),
    getusertype: userField('UserType'),
    getlanguage: userField('LanguageLocaleKey'),
    getlocale: (frame) => frame.ctx.user.locale,
    gettimezone: (frame) => {
      throw new NotSupportedOfflineError(
        `UserInfo.getTimeZone() (the user's zone is ${frame.ctx.user.timeZone})`
      );
    },
    getorganizationid: (frame) => sessionOf(frame).org.organizationId,
    getorganizationname: (frame) => {
      const organization = [...sessionOf(frame).database.rows('Organization')][0];
      return organization?.Name ?? null;
    },
    // UserInfo Class, getDefaultCurrency(): "Returns the context user's default currency code for
    // multiple currency organizations or the organization's currency code for single currency
    // organizations."
    getdefaultcurrency: (frame) => {
      const session = sessionOf(frame);
      if (session.org.project.orgDefinition.multiCurrency) {
        return session.database.row(frame.ctx.user.id)?.DefaultCurrencyIsoCode ?? null;
      }
      const organization = [...session.database.rows('Organization')][0];
      return organization?.DefaultCurrencyIsoCode ?? null;
    },
    // UserInfo Class, isMultiCurrencyOrganization(): "Specifies whether the organization uses
    // multiple currencies."
    ismulticurrencyorganization: (frame) =>
      sessionOf(frame).org.project.orgDefinition.multiCurrency,
    getsessionid: () => null,
    getuithemedisplayed: () => 'Theme4d'
  }
});

defineNative({
  name: 'FeatureManagement',
  aliases: ['System.FeatureManagement'],
  statics: {
    checkpermission: (frame, args) => {
      if (args[0] === null || args[0] === undefined) throw nullPointer();
      return sessionOf(frame)
        .org.userAccess(frame.ctx.user.id)
        .hasCustomPermission(String(args[0]));
    }
  }
});

defineNative({
  name: 'AccessType',
  aliases: ['System.AccessType'],
  enumValues: ['CREATABLE', 'READABLE', 'UPDATABLE', 'UPSERTABLE']
});

class AccessDecision extends NativeObject {
  readonly apexType = 'SObjectAccessDecision';

  constructor(
    readonly records: ApexList,
    readonly removed: Map<string, Set<string>>
  ) {
    super();
  }
}

defineNative({
  name: 'SObjectAccessDecision',
  aliases: ['System.SObjectAccessDecision', 'Security.SObjectAccessDecision'],
  methods: {
    getrecords: (_frame, self: AccessDecision) => self.records,
    getremovedfields: (_frame, self: AccessDecision) => {
      const map = new ApexMap(STRING_TYPE, setOf(STRING_TYPE));
      for (const [objectName, fields] of self.removed)
        map.set(objectName, new ApexSet(STRING_TYPE, fields));
      return map;
    }
  }
});

function stripInaccessible(frame: Frame, args: unknown[]): AccessDecision {
  const [accessType, records] = args;
  if (!(accessType instanceof EnumValue) || !(records instanceof ApexList)) throw nullPointer();
  const access = sessionOf(frame).org.userAccess(frame.ctx.user.id);
  const removed = new Map<string, Set<string>>();
  const check = (objectName: string, field: string) =>
    accessType.name === 'READABLE'
      ? access.fieldReadable(objectName, field)
      : access.fieldEditable(objectName, field);
  const stripped = records.items.map((item) => {
    if (!(item instanceof SObjectValue)) return item;
    const copy = item.copy(item.fromQuery);
    for (const entry of item.populated()) {
      if (
        entry.name === 'Id' ||
        entry.value instanceof SObjectValue ||
        entry.value instanceof ApexList
      )
        continue;
      if (!check(item.type.name, entry.name)) {
        copy.remove(entry.name);
        const set = removed.get(item.type.name) ?? new Set<string>();
        set.add(entry.name);
        removed.set(item.type.name, set);
      }
    }
    return copy;
  });
  return new AccessDecision(new ApexList(records.elementType, stripped), removed);
}

defineNative({
  name: 'Security',
  statics: { stripinaccessible: (frame, args) => stripInaccessible(frame, args) }
});
