/** The rest of the system library the package uses: Type, Blob, EncodingUtil, Crypto, Math.random. */
import type { ConformanceCase } from '../conformanceCase';
import { DOCS } from '../docPages';

const VEHICLES = {
  Vehicle: 'global interface Vehicle { Long getMaxSpeed(); String getType(); }',
  VehicleImpl:
    "global with sharing class VehicleImpl implements Vehicle { global Long getMaxSpeed() { return 100; } global String getType() { return 'Sedan'; } }"
};

const CALLABLES = {
  A: 'global class A implements Callable { global Object call(String action, Map<String, Object> args) { return null; } }',
  B: 'global class B implements Callable { global Object call(String action, Map<String, Object> args) { return null; } }',
  C: 'global class C { }'
};

export const libraryCases: readonly ConformanceCase[] = [
  {
    name: 'Type.forName and newInstance create an object of a class named at run time',
    source: DOCS.typeClass,
    apex: "Type t = Type.forName('VehicleImpl');\nVehicle v = (Vehicle) t.newInstance();\nSystem.debug('Max speed: ' + v.getMaxSpeed());\nSystem.debug('Vehicle type: ' + v.getType());",
    classes: VEHICLES,
    debug: ['Max speed: 100', 'Vehicle type: Sedan']
  },
  {
    name: 'Type.forName returns the same type as the class property',
    source: DOCS.typeClass,
    apex: "Type t1 = Account.class; Type t2 = Type.forName('Account'); System.debug(t1.equals(t2)); System.debug(VehicleImpl.class.getName());",
    classes: VEHICLES,
    debug: ['true', 'VehicleImpl']
  },
  {
    name: 'Type.forName of a name that is no type returns null',
    source: DOCS.typeClass,
    apex: "System.debug(Type.forName('NoSuchClass'));",
    debug: ['null'],
    note: 'The page says forName returns null for types it cannot see; a missing class is not visible either.'
  },
  {
    name: "a Type's hashCode is the hashCode of its name",
    source: DOCS.typeClass,
    apex: "System.debug(Account.class.hashCode() == 'Account'.hashCode()); System.debug(Integer.class.hashCode() == 'Integer'.hashCode());",
    debug: ['true', 'true']
  },
  {
    name: 'isAssignableFrom follows the class hierarchy',
    source: DOCS.typeClass,
    apex: "Type typeA = Type.forName('A'); Type typeB = Type.forName('B'); Type typeC = Type.forName('C'); Type callableType = Type.forName('Callable');\nSystem.debug(typeB.isAssignableFrom(typeA));\nSystem.debug(typeA.isAssignableFrom(typeC));\nSystem.debug(typeA.isAssignableFrom(typeA));\nSystem.debug(callableType.isAssignableFrom(typeA));\nSystem.debug(typeA.isAssignableFrom(callableType));",
    classes: CALLABLES,
    debug: ['false', 'false', 'true', 'true', 'false']
  },
  {
    name: 'isAssignableFrom lets a String be assigned to an Id',
    source: DOCS.typeClass,
    apex: "Type stringType = Type.forName('String'); Type idType = Type.forName('Id'); System.debug(idType.isAssignableFrom(stringType));",
    debug: ['true']
  },
  {
    name: 'Blob.valueOf, size and toString',
    source: DOCS.blobClass,
    apex: "Blob b = Blob.valueOf('été'); System.debug(b.size()); System.debug(b.toString());",
    debug: ['5', 'été'],
    note: 'A Blob holds the UTF-8 bytes of the String: é takes two bytes.'
  },
  {
    name: 'EncodingUtil.base64Encode and base64Decode',
    source: DOCS.encodingUtilClass,
    apex: "String encoded = EncodingUtil.base64Encode(Blob.valueOf('hello')); System.debug(encoded); System.debug(EncodingUtil.base64Decode(encoded).toString());",
    debug: ['aGVsbG8=', 'hello']
  },
  {
    name: 'EncodingUtil.convertToHex',
    source: DOCS.encodingUtilClass,
    apex: "System.debug(EncodingUtil.convertToHex(Blob.valueOf('abc')));",
    debug: ['616263']
  },
  {
    name: 'EncodingUtil.urlEncode encodes for application/x-www-form-urlencoded',
    source: DOCS.encodingUtilClass,
    apex: "System.debug(EncodingUtil.urlEncode('a b&c=d/é', 'UTF-8')); System.debug(EncodingUtil.urlDecode('a+b%26c', 'UTF-8'));",
    debug: ['a+b%26c%3Dd%2F%C3%A9', 'a b&c']
  },
  {
    name: 'Crypto.generateDigest computes SHA-256',
    source: DOCS.cryptoClass,
    apex: "System.debug(EncodingUtil.convertToHex(Crypto.generateDigest('SHA-256', Blob.valueOf('abc'))));",
    debug: ['ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad']
  },
  {
    name: 'Crypto.getRandomInteger returns an Integer, Math.random a Double in [0, 1)',
    source: DOCS.cryptoClass,
    apex: 'Object r = Crypto.getRandomInteger(); System.debug(r instanceof Integer); Double m = Math.random(); System.debug(m >= 0 && m < 1);',
    debug: ['true', 'true']
  },
  {
    name: 'String.format converts its arguments with their toString',
    source: DOCS.stringClass,
    apex: "System.debug(String.format('{0} / {1}', new List<Object>{1000, new Point()}));",
    classes: {
      Point: "public class Point { public override String toString() { return '(1, 2)'; } }"
    },
    debug: ['1000 / (1, 2)']
  },
  {
    name: "String.format follows MessageFormat quoting: '' is one quote",
    source: DOCS.stringClass,
    apex: "System.debug(String.format('it\\'\\'s {0}', new List<Object>{'x'}));",
    debug: ["it's x"]
  }
];
