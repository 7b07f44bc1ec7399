/**
 * The key prefixes of the project's own objects: one scheme for the runtime, the sample org and
 * the workbench, so the Ids the sample loader gives and the Ids the runtime generates agree.
 *
 * Salesforce assigns a custom object's prefix when the object is created in an org, so no
 * documented value exists; the scheme chosen here is deterministic for a source tree:
 * - custom objects (`__c`), sorted by API name in code-unit order, get `a00`, `a01`, ... `azz`
 *   (the index in base 36), as the embedded sample org always numbered them;
 * - Custom Metadata types (`__mdt`), sorted the same way, get `m00`, `m01`, ...;
 * - the `__Share` and `__History` objects of the custom object with prefix `aXY` get `sXY` and
 *   `hXY`. In an org every custom share row starts with one common prefix and every history row
 *   with another; giving each its own prefix here keeps `objectOfKeyPrefix` (and
 *   `Id.getSObjectType()`) unambiguous.
 */

const FAMILY_SIZE = 36 * 36;

function familyPrefix(letter: string, index: number, name: string): string {
  if (index >= FAMILY_SIZE) {
    throw new Error(
      `not supported offline: more than ${FAMILY_SIZE} objects of one kind (${name})`
    );
  }
  return `${letter}${index.toString(36).padStart(2, '0')}`;
}

function byCodeUnits(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

/** `Foo__c` -> `Foo__Share`, the share object's API name. */
export function shareObjectName(customObject: string): string {
  return `${customObject.slice(0, -3)}__Share`;
}

/** `Foo__c` -> `Foo__History`, the history object's API name. */
export function historyObjectName(customObject: string): string {
  return `${customObject.slice(0, -3)}__History`;
}

/**
 * The prefixes of the project's custom objects, their share and history objects and its Custom
 * Metadata types, by API name. `objectNames` may hold any object names; only `__c` and `__mdt`
 * names take part.
 */
export function projectKeyPrefixes(objectNames: Iterable<string>): Map<string, string> {
  const names = [...objectNames];
  const prefixes = new Map<string, string>();
  byCodeUnits(names.filter((name) => name.endsWith('__c'))).forEach((name, index) => {
    const suffix = familyPrefix('a', index, name).slice(1);
    prefixes.set(name, `a${suffix}`);
    prefixes.set(shareObjectName(name), `s${suffix}`);
    prefixes.set(historyObjectName(name), `h${suffix}`);
  });
  byCodeUnits(names.filter((name) => name.endsWith('__mdt'))).forEach((name, index) => {
    prefixes.set(name, familyPrefix('m', index, name));
  });
  return prefixes;
}
