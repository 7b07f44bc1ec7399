/**
 * Finds every static SOQL query (`[SELECT ...]`) in Apex source with apex-parser and describes,
 * purely syntactically, which names each query uses: the object or child relationship it reads,
 * and every field path in its select list, WHERE, GROUP BY, HAVING and ORDER BY clauses. Bind
 * expressions (`:value`) are Apex, not SOQL, and are left to apex-ls.
 */
import {
  ApexErrorListener,
  ApexParserFactory,
  BoundExpressionContext,
  FieldNameContext,
  FromNameListContext,
  SelectEntryContext,
  SoqlLiteralContext,
  SubFieldEntryContext,
  SubQueryContext,
  TypeOfContext,
  QueryContext,
  type ApexParserRuleContext,
  type ApexParseTree
} from '@apexdevtools/apex-parser';

export interface SoqlName {
  /** The name as written, e.g. `Account.Customer_Segment__r.Name` split on dots. */
  segments: string[];
  line: number;
  column: number;
}

export interface SoqlQuery {
  /**
   * `object` for a top-level query or a semi-join (`WHERE Id IN (SELECT ...)`); `child` for a
   * parent-to-child subquery in a select list, whose FROM names a child relationship.
   */
  kind: 'object' | 'child';
  from: SoqlName;
  /** The alias given to the FROM object (`FROM Account a`), if any. */
  alias?: string;
  fields: SoqlName[];
  /** `TYPEOF rel WHEN Type THEN fields` branches: the fields are read on `Type`. */
  typeOfBranches: { relationship: SoqlName; objectName: SoqlName; fields: SoqlName[] }[];
  subqueries: SoqlQuery[];
}

export interface SoqlSyntaxError {
  line: number;
  column: number;
  message: string;
}

export interface ApexSoql {
  queries: SoqlQuery[];
  syntaxErrors: SoqlSyntaxError[];
}

/**
 * An error listener that records syntax errors in `errors`. A class expression without fields,
 * because the LWC Jest transformer rewrites classes with fields as components.
 */
function collectingListener(errors: SoqlSyntaxError[]): ApexErrorListener {
  return new (class extends ApexErrorListener {
    apexSyntaxError(line: number, column: number, message: string): void {
      errors.push({ line, column: column + 1, message });
    }
  })();
}

/** Parses a `.cls` or `.trigger` source and returns its static SOQL queries. */
export function findSoqlQueries(source: string, isTrigger: boolean): ApexSoql {
  const syntaxErrors: SoqlSyntaxError[] = [];
  const { parser } = ApexParserFactory.createLexerAndParser(
    source,
    collectingListener(syntaxErrors)
  );
  const unit = isTrigger ? parser.triggerUnit() : parser.compilationUnit();
  if (syntaxErrors.length > 0) {
    // Error recovery leaves partial trees; the errors are the findings, the queries wait for a fix.
    return { queries: [], syntaxErrors };
  }
  const literals: SoqlLiteralContext[] = [];
  collect(unit, SoqlLiteralContext, literals);
  return {
    queries: literals.map((literal) => describeQuery(literal.query(), 'object')),
    syntaxErrors
  };
}

function describeQuery(query: QueryContext | SubQueryContext, kind: SoqlQuery['kind']): SoqlQuery {
  const fromList = query.fromNameList();
  const aliasContext = fromList.soqlId_list()[0];
  const description: SoqlQuery = {
    kind,
    from: toName(fromList.fieldName(0)),
    alias: aliasContext ? aliasContext.getText() : undefined,
    fields: [],
    typeOfBranches: [],
    subqueries: []
  };
  for (const child of query.children ?? []) {
    visit(child, description);
  }
  return description;
}

function visit(node: ApexParseTree, query: SoqlQuery): void {
  if (node instanceof FromNameListContext || node instanceof BoundExpressionContext) {
    return;
  }
  if (node instanceof SubQueryContext) {
    const inSelectList =
      node.parentCtx instanceof SelectEntryContext ||
      node.parentCtx instanceof SubFieldEntryContext;
    query.subqueries.push(describeQuery(node, inSelectList ? 'child' : 'object'));
    return;
  }
  if (node instanceof TypeOfContext) {
    const relationship = toName(node.fieldName());
    for (const when of node.whenClause_list()) {
      query.typeOfBranches.push({
        relationship,
        objectName: toName(when.fieldName()),
        fields: when.fieldNameList().fieldName_list().map(toName)
      });
    }
    return;
  }
  if (node instanceof FieldNameContext) {
    query.fields.push(toName(node));
    return;
  }
  if (isRuleContext(node)) {
    for (const child of node.children ?? []) {
      visit(child, query);
    }
  }
}

function toName(context: FieldNameContext): SoqlName {
  return {
    segments: context.soqlId_list().map((id) => id.getText()),
    line: context.start.line,
    column: context.start.column + 1
  };
}

function collect<T>(
  node: ApexParseTree,
  type: abstract new (...args: never[]) => T,
  found: T[]
): void {
  if (node instanceof type) {
    found.push(node);
  }
  if (isRuleContext(node)) {
    for (const child of node.children ?? []) {
      collect(child, type, found);
    }
  }
}

function isRuleContext(node: ApexParseTree): node is ApexParserRuleContext {
  return 'children' in node;
}
