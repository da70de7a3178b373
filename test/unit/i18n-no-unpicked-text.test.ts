// A text in every language (Localized) put into a template string, a `+` or String() without
// picking a language throws at run time ("pick a language first"), and the type checker does
// not see it: a template accepts any value. This reads the whole project with the type checker
// and lists every such place, so it fails before a user meets the throw.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');

/** "file:line: expression" for each Localized used as a string in `files`. */
export function unpickedTexts(program: ts.Program): string[] {
  const checker = program.getTypeChecker();
  const isText = (type: ts.Type) =>
    (type.isUnion() ? type.types : [type]).some((t) => t.getProperty('en') !== undefined && t.getProperty('ru') !== undefined && t.getCallSignatures().length === 0);
  const found: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) continue;
    const report = (node: ts.Node) => {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file.fileName.slice(ROOT.length + 1)}:${line + 1}: ${node.getText().slice(0, 80)}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isTemplateSpan(node) && isText(checker.getTypeAtLocation(node.expression))) report(node.expression);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        for (const side of [node.left, node.right]) if (isText(checker.getTypeAtLocation(side))) report(side);
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'String' && node.arguments[0] && isText(checker.getTypeAtLocation(node.arguments[0]))) report(node);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

function projectProgram(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  assert.ok(config, 'tsconfig.json');
  return ts.createProgram(config.fileNames, config.options);
}

test('no text in every language is used as a string without picking a language', () => {
  assert.deepEqual(unpickedTexts(projectProgram()), []);
});

test('the check finds a text in a template, in a `+` and in String(), and lets a picked one through', () => {
  const source = `
    type Localized = { readonly en: string; readonly ru: string };
    declare const text: Localized;
    export const a = \`note: \${text}\`;
    export const b = 'note: ' + text;
    export const c = String(text);
    export const fine = \`note: \${text.en}\`;
  `;
  const host = ts.createCompilerHost({});
  const original = host.getSourceFile;
  host.getSourceFile = (name, version) => (name === join(ROOT, 'sample.ts') ? ts.createSourceFile(name, source, version) : original(name, version));
  const program = ts.createProgram([join(ROOT, 'sample.ts')], { strict: true, noEmit: true, types: [] }, host);
  const found = unpickedTexts(program).map((line) => line.replace(/^sample\.ts:\d+: /, ''));
  assert.deepEqual(found, ['text', 'text', 'String(text)']);
});
