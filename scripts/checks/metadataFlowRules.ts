/**
 * What a Flow calls, checked against the Apex it calls: every `apex` action call names a class of
 * the project with a public static `@InvocableMethod`, passes only `@InvocableVariable` members of
 * the method's request type, passes every required one, and reads (by `outputParameters` or as
 * `Element.output` in a reference or merge field) only members of its result type. A Flow quick
 * action names a flow of the project. A deploy fails on each of these; here the failure names the
 * file, the line and the missing name.
 *
 * Case: Apex class names are case-insensitive, as everywhere in Apex. Invocable variable names are
 * not: "The name of the variable in Apex must match the name in the flow. The name is
 * case-sensitive." (InvocableVariable Annotation, considerations:
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_InvocableVariable.htm).
 * Flow resource and element names are matched exactly as well (flow variable names are
 * case-sensitive), so `prepare_brief.brief` does not reach the element `Prepare_Brief`.
 *
 * Only references to action calls are resolved; variables, screens, decisions, formulas and
 * `$Flow`-style globals are other checks' business (or Flow Builder's), and are left alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  parseApexClass,
  type ApexClassModel,
  type ApexTypeRef,
  type ParsedApexFile
} from './apexTypesParse';
import type { Finding } from './findings';
import {
  childElement,
  childElements,
  childText,
  componentName,
  type ProjectDocument,
  type ProjectIndex
} from './metadataProjectIndex';
import { localName, type XmlElement } from './metadataXml';

const RULE = 'metadata-flow-reference';

/** The source of a top-level Apex class by its name, as written in the flow. */
export type ApexSourceReader = (className: string) => string | undefined;

/** Top-level Apex classes by name, parsed once each and only when a flow names them. */
export class ApexClassLookup {
  private readonly parsed = new Map<string, ParsedApexFile | undefined>();

  constructor(private readonly read: ApexSourceReader) {}

  /** The parsed source of a top-level class; undefined when the project has no such class. */
  parse(name: string): ParsedApexFile | undefined {
    const key = name.toLowerCase();
    if (!this.parsed.has(key)) {
      const source = this.read(name);
      this.parsed.set(key, source === undefined ? undefined : parseApexClass(source));
    }
    return this.parsed.get(key);
  }

  topLevel(name: string): ApexClassModel | undefined {
    return this.parse(name)?.topLevelClass;
  }

  /**
   * The class a type names from inside `context`: an inner class of `context` (`Request`), a
   * qualified inner class (`Outer.Request`) or another top-level class; undefined for primitives,
   * sObjects and anything the project does not define.
   */
  resolve(type: ApexTypeRef, context: ApexClassModel): ApexClassModel | undefined {
    const name = type.name.toLowerCase();
    const inner = (owner: ApexClassModel | undefined, qualified: string) =>
      owner?.innerClasses.find((candidate) => candidate.name.toLowerCase() === qualified);
    if (name.includes('.')) {
      return inner(this.topLevel(name.split('.')[0]), name);
    }
    return inner(context, `${context.name.toLowerCase()}.${name}`) ?? this.topLevel(name);
  }
}

/** Reads the `.cls` beside each `ApexClass` document of the project. */
export function apexSourcesOf(documents: readonly ProjectDocument[]): ApexSourceReader {
  const files = new Map<string, string>();
  for (const document of documents) {
    if (document.rootType === 'ApexClass') {
      files.set(
        componentName(document.file).toLowerCase(),
        document.file.replace(/-meta\.xml$/, '')
      );
    }
  }
  return (className) => {
    const file = files.get(className.toLowerCase());
    return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}

/** What a flow may pass to and read from one Apex action; `undefined` when not knowable here. */
interface ActionSignature {
  className: string;
  /** Undefined when the request type is not a class of the project (a primitive or sObject list). */
  inputs?: { name: string; required: boolean }[];
  /** Undefined when the result type is not a class of the project; empty for `void`. */
  outputs?: string[];
}

interface ActionCall {
  name: string;
  storesOutput: boolean;
  /** Set for `apex` actions whose class was found and is invocable. */
  signature?: ActionSignature;
}

/** `List<Request>` → the class `Request` names, when it is one of the project's. */
function listElementClass(
  type: ApexTypeRef | undefined,
  action: ApexClassModel,
  classes: ApexClassLookup
): ApexClassModel | undefined {
  const element = type?.name.toLowerCase() === 'list' ? type.typeArguments[0] : undefined;
  return element && element.arrayDepth === 0 ? classes.resolve(element, action) : undefined;
}

class FlowChecker {
  readonly findings: Finding[] = [];

  constructor(private readonly file: string) {}

  /** `line` differs from the element's own for a merge field on a later line of its text. */
  report(element: XmlElement, message: string, line = element.line): void {
    const column = line === element.line ? element.column : undefined;
    this.findings.push({ file: this.file, line, column, rule: RULE, message });
  }

  /** The inputs and outputs of the Apex action `call` names, reporting a missing or non-invocable class. */
  signature(call: XmlElement, name: string, classes: ApexClassLookup): ActionSignature | undefined {
    const actionName = childElement(call, 'actionName');
    const className = actionName?.text.trim() ?? '';
    // A namespaced action (`ns__Class`) comes from an installed package, not from this project.
    if (!actionName || className === '' || className.includes('__')) {
      return undefined;
    }
    const parsed = classes.parse(className);
    const action = parsed?.topLevelClass;
    if (!action) {
      // A syntax error is the Apex check's finding; here it only explains why nothing is checked.
      const problem = parsed?.problems[0];
      this.report(
        actionName,
        problem
          ? `${name} calls ${className}, which cannot be read (line ${problem.line}: ${problem.message})`
          : `${name} calls ${className}, which is not an Apex class of this project`
      );
      return undefined;
    }
    const method = action.invocableMethods.find((candidate) => candidate.visible);
    if (!method) {
      this.report(
        actionName,
        `${name} calls ${className}, which has no public or global static @InvocableMethod`
      );
      return undefined;
    }
    const request = listElementClass(method.parameters[0]?.type, action, classes);
    const result = listElementClass(method.returnType, action, classes);
    return {
      className: action.name,
      inputs: request?.invocableVariables.map(({ name: input, required }) => ({
        name: input,
        required
      })),
      outputs: method.returnType ? result?.invocableVariables.map((output) => output.name) : []
    };
  }

  /** Inputs passed by name must be request variables; required ones must be passed. */
  inputs(call: XmlElement, name: string, signature: ActionSignature): void {
    const { inputs, className } = signature;
    if (!inputs) {
      return;
    }
    const passed = new Set<string>();
    for (const parameter of childElements(call, 'inputParameters')) {
      const element = childElement(parameter, 'name');
      const input = element?.text.trim() ?? '';
      passed.add(input);
      if (element && !inputs.some((candidate) => candidate.name === input)) {
        this.report(
          element,
          `${name} passes ${input}, which is not an input of ${className} ` +
            `(inputs: ${inputs.map((candidate) => candidate.name).join(', ') || 'none'})`
        );
      }
    }
    const nameElement = childElement(call, 'name') ?? call;
    for (const input of inputs.filter((candidate) => candidate.required)) {
      if (!passed.has(input.name)) {
        this.report(
          nameElement,
          `${name} does not pass ${input.name}, a required input of ${className}`
        );
      }
    }
  }

  /** `reads` (an output name) must be an output of the action `call` calls. */
  output(element: XmlElement, call: ActionCall, reads: string, line: number): void {
    const outputs = call.signature?.outputs;
    if (outputs && !outputs.includes(reads)) {
      this.report(
        element,
        `${call.name} reads ${reads}, which is not an output of ${call.signature?.className} ` +
          `(outputs: ${outputs.join(', ') || 'none'})`,
        line
      );
    }
  }
}

/** `Element.member` at the start of a reference, or inside `{!…}` merge fields of a text. */
const REFERENCE = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)/;
const MERGE_FIELD = /\{!\s*([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)/g;

/** Every `Element.member` the flow reads, with the element and line that hold it. */
function* memberReferences(
  element: XmlElement
): Generator<{ element: XmlElement; head: string; member: string; line: number }> {
  const text = element.text;
  if (localName(element.name).endsWith('Reference')) {
    const match = REFERENCE.exec(text.trim());
    if (match) {
      yield { element, head: match[1], member: match[2], line: element.line };
    }
  } else {
    for (const match of text.matchAll(MERGE_FIELD)) {
      const newlines = text.slice(0, match.index).split('\n').length - 1;
      yield { element, head: match[1], member: match[2], line: element.line + newlines };
    }
  }
  for (const child of element.children) {
    yield* memberReferences(child);
  }
}

/** Runs the Flow rules on one flow: its Apex action calls and the outputs it reads from them. */
export function checkFlow(document: ProjectDocument, classes: ApexClassLookup): Finding[] {
  const checker = new FlowChecker(document.file);
  const calls = new Map<string, ActionCall>();
  for (const element of childElements(document.root, 'actionCalls')) {
    const name = childText(element, 'name');
    const call: ActionCall = {
      name,
      storesOutput: childText(element, 'storeOutputAutomatically') === 'true'
    };
    calls.set(name, call);
    if (childText(element, 'actionType') !== 'apex') {
      continue;
    }
    call.signature = checker.signature(element, name, classes);
    if (call.signature) {
      checker.inputs(element, name, call.signature);
      for (const parameter of childElements(element, 'outputParameters')) {
        const output = childElement(parameter, 'name');
        if (output) {
          checker.output(output, call, output.text.trim(), output.line);
        }
      }
    }
  }
  for (const { element, head, member, line } of memberReferences(document.root)) {
    const reference = `${head}.${member}`;
    const call = calls.get(head);
    if (!call) {
      const near = [...calls.keys()].find((name) => name.toLowerCase() === head.toLowerCase());
      if (near) {
        checker.report(
          element,
          `${reference} names no element of this flow; element names are case-sensitive (did you mean ${near}?)`,
          line
        );
      }
    } else if (!call.storesOutput) {
      checker.report(
        element,
        `${reference} reads an output of ${head}, which does not store its outputs automatically ` +
          '(storeOutputAutomatically is not true)',
        line
      );
    } else {
      checker.output(element, call, member, line);
    }
  }
  return checker.findings;
}

/** A quick action of type Flow opens a flow the project defines (a namespaced one is installed). */
export function checkFlowQuickAction(document: ProjectDocument, index: ProjectIndex): Finding[] {
  const flow = childElement(document.root, 'flowDefinition');
  const name = flow?.text.trim() ?? '';
  if (
    !flow ||
    childText(document.root, 'type') !== 'Flow' ||
    name === '' ||
    name.includes('__') ||
    index.components.get('Flow')?.has(name.toLowerCase())
  ) {
    return [];
  }
  return [
    {
      file: document.file,
      line: flow.line,
      column: flow.column,
      rule: RULE,
      message: `Flow ${name} is not defined in this project`
    }
  ];
}

/** Runs the rules that apply to one document. */
export function checkFlowReferences(
  document: ProjectDocument,
  index: ProjectIndex,
  classes: ApexClassLookup
): Finding[] {
  if (document.rootType === 'Flow') {
    return checkFlow(document, classes);
  }
  if (document.rootType === 'QuickAction') {
    return checkFlowQuickAction(document, index);
  }
  return [];
}
