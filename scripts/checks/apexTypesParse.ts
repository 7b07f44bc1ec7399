/**
 * Reads what Lightning Web Components can see of an Apex class: its `@AuraEnabled` static methods
 * (parameters, return type, cacheability) and every class whose `@AuraEnabled` fields and
 * properties are serialised to JavaScript; and what Flow can see of it: its `@InvocableMethod`
 * and the `@InvocableVariable` members of its request and result classes. Uses
 * @apexdevtools/apex-parser, the grammar the Apex language server uses, so that generics, inner
 * classes and arrays are read as the compiler does.
 */
import {
  ApexParserFactory,
  type AnnotationContext,
  type ClassBodyDeclarationContext,
  type ClassDeclarationContext,
  type EnumDeclarationContext,
  type MethodDeclarationContext,
  type ModifierContext,
  type TypeRefContext
} from '@apexdevtools/apex-parser';

export interface ApexTypeRef {
  /** The name as written, dots kept: `String`, `List`, `Outer.Inner`, `Schema.Account`. */
  name: string;
  typeArguments: ApexTypeRef[];
  /** Number of `[]` suffixes. */
  arrayDepth: number;
}

export interface ApexParameter {
  name: string;
  type: ApexTypeRef;
}

export interface AuraEnabledMethod {
  name: string;
  parameters: ApexParameter[];
  /** Undefined for `void`. */
  returnType?: ApexTypeRef;
  cacheable: boolean;
  line: number;
}

export interface ApexMember {
  name: string;
  type: ApexTypeRef;
}

/** A static `@InvocableMethod`: the Apex action a flow calls by the name of its class. */
export interface InvocableMethodModel {
  name: string;
  parameters: ApexParameter[];
  /** Undefined for `void`. */
  returnType?: ApexTypeRef;
  /** Whether it is `public` or `global`, as a flow in the same package needs. */
  visible: boolean;
  line: number;
}

/** An `@InvocableVariable` field or property: an input or output of an Apex action. */
export interface InvocableVariableModel extends ApexMember {
  /** `required=true`; Salesforce ignores it on outputs. */
  required: boolean;
  line: number;
}

/** An Apex enum; LWC receives its values as their names. */
export interface ApexEnumModel {
  /** Qualified name: `Severity` or `Outer.Severity`. */
  name: string;
  values: string[];
}

export interface ApexClassModel {
  /** Qualified name: `Outer` or `Outer.Inner`. */
  name: string;
  /** `@AuraEnabled` static methods callable from LWC (public or global, top-level classes). */
  methods: AuraEnabledMethod[];
  /** `@AuraEnabled` fields and properties, serialised when an instance is returned. */
  members: ApexMember[];
  /** Static `@InvocableMethod` methods (top-level classes only, as Salesforce requires). */
  invocableMethods: InvocableMethodModel[];
  /** Instance `@InvocableVariable` fields and properties. */
  invocableVariables: InvocableVariableModel[];
  innerClasses: ApexClassModel[];
  innerEnums: ApexEnumModel[];
}

export interface ApexSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedApexFile {
  /** Undefined when the file holds no class (an interface or enum, or a syntax error). */
  topLevelClass?: ApexClassModel;
  /** Set when the file declares a top-level enum. */
  topLevelEnum?: ApexEnumModel;
  problems: ApexSyntaxProblem[];
}

/**
 * An ANTLR error listener that collects instead of printing. A plain object rather than a subclass
 * of `ApexErrorListener`: the LWC Jest transformer wraps every class with a superclass as a
 * potential component, which would make this Node module depend on the `lwc` runtime. ANTLR also
 * calls the report* methods on every listener, so they are present.
 */
function collectingErrorListener(problems: ApexSyntaxProblem[]) {
  return {
    syntaxError(
      _recognizer: unknown,
      _offendingSymbol: unknown,
      line: number,
      column: number,
      message: string
    ): void {
      problems.push({ line, column: column + 1, message });
    },
    reportAmbiguity(): void {},
    reportAttemptingFullContext(): void {},
    reportContextSensitivity(): void {}
  };
}

function readTypeRef(typeRef: TypeRefContext): ApexTypeRef {
  const parts = typeRef.typeName_list();
  const last = parts[parts.length - 1];
  const typeList = last?.typeArguments()?.typeList();
  const subscripts = typeRef.arraySubscripts();
  return {
    name: parts
      .map((part) => (part.LIST() ?? part.SET() ?? part.MAP() ?? part.id())?.getText() ?? '')
      .join('.'),
    typeArguments: typeList ? typeList.typeRef_list().map(readTypeRef) : [],
    arrayDepth: subscripts ? subscripts.LBRACK_list().length : 0
  };
}

interface Modifiers {
  keywords: Set<string>;
  auraEnabled: boolean;
  cacheable: boolean;
  invocableMethod: boolean;
  invocableVariable: boolean;
  /** `required=true` on `@InvocableVariable`. */
  required: boolean;
}

/** Whether an annotation sets `name=true` (Apex is case-insensitive, names and values alike). */
function setsTrue(annotation: AnnotationContext, name: string): boolean {
  const pairs = annotation.elementValuePairs()?.elementValuePair_list() ?? [];
  return pairs.some(
    (pair) =>
      pair.id().getText().toLowerCase() === name &&
      pair.elementValue().getText().toLowerCase() === 'true'
  );
}

function readModifiers(modifiers: readonly ModifierContext[]): Modifiers {
  const result: Modifiers = {
    keywords: new Set(),
    auraEnabled: false,
    cacheable: false,
    invocableMethod: false,
    invocableVariable: false,
    required: false
  };
  for (const modifier of modifiers) {
    const annotation = modifier.annotation();
    const annotationName = annotation?.id().getText().toLowerCase();
    if (!annotation) {
      result.keywords.add(modifier.getText().toLowerCase());
    } else if (annotationName === 'auraenabled') {
      result.auraEnabled = true;
      result.cacheable = setsTrue(annotation, 'cacheable');
    } else if (annotationName === 'invocablemethod') {
      result.invocableMethod = true;
    } else if (annotationName === 'invocablevariable') {
      result.invocableVariable = true;
      result.required = setsTrue(annotation, 'required');
    }
  }
  return result;
}

function isVisibleToLightning(modifiers: Modifiers): boolean {
  return modifiers.keywords.has('public') || modifiers.keywords.has('global');
}

/** The instance fields and properties one declaration declares. */
function readMembers(declaration: ClassBodyDeclarationContext, modifiers: Modifiers): ApexMember[] {
  const member = declaration.memberDeclaration();
  if (!member || modifiers.keywords.has('static')) {
    return [];
  }
  const field = member.fieldDeclaration();
  if (field) {
    const type = readTypeRef(field.typeRef());
    return field
      .variableDeclarators()
      .variableDeclarator_list()
      .map((variable) => ({ name: variable.id().getText(), type }));
  }
  const property = member.propertyDeclaration();
  return property ? [{ name: property.id().getText(), type: readTypeRef(property.typeRef()) }] : [];
}

function readSignature(method: MethodDeclarationContext): {
  parameters: ApexParameter[];
  returnType?: ApexTypeRef;
} {
  const typeRef = method.typeRef();
  const parameters = method.formalParameters().formalParameterList()?.formalParameter_list();
  return {
    parameters: (parameters ?? []).map((parameter) => ({
      name: parameter.id().getText(),
      type: readTypeRef(parameter.typeRef())
    })),
    returnType: typeRef ? readTypeRef(typeRef) : undefined
  };
}

function readEnum(
  declaration: EnumDeclarationContext,
  outerName: string | undefined
): ApexEnumModel {
  const simpleName = declaration.id().getText();
  return {
    name: outerName ? `${outerName}.${simpleName}` : simpleName,
    values: (declaration.enumConstants()?.id_list() ?? []).map((value) => value.getText())
  };
}

function readClass(
  declaration: ClassDeclarationContext,
  outerName: string | undefined
): ApexClassModel {
  const simpleName = declaration.id().getText();
  const model: ApexClassModel = {
    name: outerName ? `${outerName}.${simpleName}` : simpleName,
    methods: [],
    members: [],
    invocableMethods: [],
    invocableVariables: [],
    innerClasses: [],
    innerEnums: []
  };
  for (const bodyDeclaration of declaration.classBody()?.classBodyDeclaration_list() ?? []) {
    const modifiers = readModifiers(bodyDeclaration.modifier_list());
    const member = bodyDeclaration.memberDeclaration();
    const inner = member?.classDeclaration();
    if (inner) {
      model.innerClasses.push(readClass(inner, model.name));
      continue;
    }
    const innerEnum = member?.enumDeclaration();
    if (innerEnum) {
      model.innerEnums.push(readEnum(innerEnum, model.name));
      continue;
    }
    const members = readMembers(bodyDeclaration, modifiers);
    if (modifiers.auraEnabled) {
      model.members.push(...members);
    }
    if (modifiers.invocableVariable) {
      const line = bodyDeclaration.start.line;
      model.invocableVariables.push(
        ...members.map((variable) => ({ ...variable, required: modifiers.required, line }))
      );
    }
    const method = member?.methodDeclaration();
    if (
      method &&
      outerName === undefined &&
      modifiers.invocableMethod &&
      modifiers.keywords.has('static')
    ) {
      const { parameters, returnType } = readSignature(method);
      model.invocableMethods.push({
        name: method.id().getText(),
        parameters,
        returnType,
        visible: isVisibleToLightning(modifiers),
        line: bodyDeclaration.start.line
      });
    }
    const callable =
      method &&
      outerName === undefined &&
      modifiers.auraEnabled &&
      modifiers.keywords.has('static') &&
      isVisibleToLightning(modifiers);
    if (method && callable) {
      model.methods.push({
        name: method.id().getText(),
        ...readSignature(method),
        cacheable: modifiers.cacheable,
        line: bodyDeclaration.start.line
      });
    }
  }
  return model;
}

/** Parses one `.cls` file. */
export function parseApexClass(source: string): ParsedApexFile {
  const problems: ApexSyntaxProblem[] = [];
  const listener = collectingErrorListener(problems);
  const lexer = ApexParserFactory.createLexer(source);
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const parser = ApexParserFactory.createParser(ApexParserFactory.createTokenStream(lexer));
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  const unit = parser.compilationUnit();
  const classDeclaration = unit.typeDeclaration()?.classDeclaration();
  const enumDeclaration = unit.typeDeclaration()?.enumDeclaration();
  if (problems.length > 0) {
    return { problems };
  }
  if (enumDeclaration) {
    return { topLevelEnum: readEnum(enumDeclaration, undefined), problems: [] };
  }
  if (!classDeclaration) {
    return { problems };
  }
  return { topLevelClass: readClass(classDeclaration, undefined), problems: [] };
}
