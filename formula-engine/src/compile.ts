import { compileField, FieldContext } from './fields';
import { checkFunctionName, compileCall } from './functions';
import { compileBinary, compileUnary } from './operators';
import { AstNode } from './parser';
import { literal } from './typeRules';
import { Compiled } from './types';

/** Type-checks the tree and turns it into nested closures, once per formula. */
export function compileNode(node: AstNode, context: FieldContext): Compiled {
  switch (node.kind) {
    case 'number':
      return literal('number', node.value, node.start, node.end);
    case 'string':
      return literal('text', node.value, node.start, node.end);
    case 'boolean':
      return literal('boolean', node.value, node.start, node.end);
    case 'null':
      return literal('null', null, node.start, node.end);
    case 'field':
      return compileField(node.name, node.start, node.end, context);
    case 'unary':
      return compileUnary(node.op, compileNode(node.operand, context), node.start, node.end);
    case 'binary':
      return compileBinary(
        node.op,
        compileNode(node.left, context),
        compileNode(node.right, context),
        { start: node.opStart, end: node.opEnd }
      );
    case 'call':
      checkFunctionName(node.name, node);
      return compileCall(
        node.name,
        node.args.map((arg) => compileNode(arg, context)),
        node
      );
  }
}
