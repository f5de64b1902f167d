/**
 * The dependency rule, run by `npm test`: the core stays pure and the layers point inward.
 *   - cloudfunctions/core imports nothing outside itself (no SDK, no Taro, no adapter, no node: module);
 *   - core/contracts imports only contracts;
 *   - functions' routers (everything in cloudfunctions/functions except each <name>/index.ts) do not touch
 *     adapters or SDKs; only a deploy unit's index.ts wires in the CloudBase adapter;
 *   - only adapters import @cloudbase/node-sdk, better-sqlite3, wechatpay-node-v3, tencentcloud-sdk-*;
 *   - core/rules (pure rules the clients share with the server) imports nothing;
 *   - the mini program (src) and the console import from the cloud side only `import type` of contracts,
 *     and values from core/rules.
 * Exit code 1 with one line per violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const SDKS = [/^@cloudbase\//, /^better-sqlite3$/, /^wechatpay-node-v3$/, /^tencentcloud-sdk-/, /^wx-server-sdk$/];

interface Import {
  spec: string;
  typeOnly: boolean;
  line: number;
}

function walk(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

export function importsOf(file: string, text = readFileSync(file, 'utf8')): Import[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Import[] = [];
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allTypes = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ spec: node.moduleSpecifier.text, typeOnly: allTypes, line: lineOf(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, line: lineOf(node) });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        found.push({ spec: node.arguments[0].text, typeOnly: false, line: lineOf(node) });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + sep);

export function violationsFor(file: string, imports: Import[]): string[] {
  const rel = relative(ROOT, file);
  const core = join(ROOT, 'cloudfunctions', 'core');
  const contracts = join(core, 'contracts');
  const rules = join(core, 'rules');
  const adapters = join(ROOT, 'cloudfunctions', 'adapters');
  const functions = join(ROOT, 'cloudfunctions', 'functions');
  const out: string[] = [];
  for (const imp of imports) {
    const relative_ = imp.spec.startsWith('.');
    const target = relative_ ? resolve(dirname(file), imp.spec) : null;
    const where = `${rel}:${imp.line} imports '${imp.spec}'`;
    const isSdk = !relative_ && SDKS.some((re) => re.test(imp.spec));
    if (inside(file, core)) {
      if (!target || !inside(target, core)) out.push(`${where}: core may import only core`);
      else if (inside(file, contracts) && !inside(target, contracts)) out.push(`${where}: contracts may import only contracts`);
      else if (inside(file, rules)) out.push(`${where}: core/rules imports nothing (clients bundle it)`);
      continue;
    }
    if (isSdk && !inside(file, adapters)) out.push(`${where}: only adapters may import an SDK`);
    if (inside(file, functions) && !/[/\\]index\.ts$/.test(rel) && target && inside(target, adapters)) {
      out.push(`${where}: a function's router must not import adapters (only its index.ts wires them)`);
    }
    const isClient = inside(file, join(ROOT, 'src')) || inside(file, join(ROOT, 'console'));
    if (isClient && target && inside(target, join(ROOT, 'cloudfunctions'))) {
      if (inside(target, rules)) continue;
      if (!inside(target, contracts)) out.push(`${where}: clients may import only contracts (types) and core/rules from the cloud side`);
      else if (!imp.typeOnly) out.push(`${where}: clients must use 'import type' for contracts`);
    }
    if (isClient && target && inside(target, join(ROOT, 'server'))) out.push(`${where}: clients must not import the server`);
  }
  return out;
}

function main(): void {
  const files = [...walk(join(ROOT, 'cloudfunctions')), ...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'console', 'src'))];
  const violations = files.flatMap((f) => violationsFor(f, importsOf(f)));
  if (violations.length) {
    console.error(`Dependency rule: ${violations.length} violation(s)`);
    for (const v of violations) console.error(`  ${v}`);
    process.exit(1);
  }
  console.log(`Dependency rule: ${files.length} files checked, core is pure, layers point inward.`);
}

if (require.main === module) main();
