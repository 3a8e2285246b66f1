/**
 * docs/architecture.md §5, §7 process boundaries, proven twice: the TypeScript compiler API reads every shipped
 * source and lists who imports what (so a boundary crossed in the code fails here, whatever lint
 * says), and ESLint's own API shows that the lint rules fire on a crossing (so lint in `npm test`
 * would catch a new one too, and a rule that silently stopped matching is noticed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHIPPED_DIRS = ['electron', 'renderer', 'shared'];

const sourcesUnder = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !/\.(?:test|win32-test)\.tsx?$/.test(entry.name),
    )
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));

interface ImportUse {
  readonly file: string;
  readonly module: string;
  /** Named imports (`import { ipcMain } from 'electron'`); '*' for namespace or default imports. */
  readonly names: readonly string[];
}

/** Static imports, re-exports, `import()` and `require()` of every shipped source. */
const importsOf = (file: string): ImportUse[] => {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: ImportUse[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const bindings = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : undefined;
      const names =
        bindings && ts.isNamedImports(bindings)
          ? bindings.elements.map((e) => (e.propertyName ?? e.name).text)
          : ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)
            ? node.exportClause.elements.map((e) => (e.propertyName ?? e.name).text)
            : ['*'];
      found.push({ file, module: node.moduleSpecifier.text, names });
    }
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        found.push({ file, module: node.arguments[0].text, names: ['*'] });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

/** Every `x.openExternal(...)` / `openExternal(...)` call, by file. */
const openExternalCalls = (file: string): number => {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  let calls = 0;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      if (name === 'openExternal') calls += 1;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
};

const files = SHIPPED_DIRS.flatMap(sourcesUnder);
const imports = files.flatMap(importsOf);
const importers = (predicate: (use: ImportUse) => boolean) =>
  [...new Set(imports.filter(predicate).map((use) => use.file))].sort();

describe('boundaries in the shipped sources (TypeScript compiler API)', () => {
  it('reads a real source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('electron/system/run/spawn-pinned.ts');
    expect(imports.some((use) => use.file === 'electron/ipc.ts' && use.module === 'electron')).toBe(true);
  });

  it('only electron/system/run/spawn-pinned.ts imports execa or child_process', () => {
    expect(importers((use) => ['execa', 'child_process', 'node:child_process'].includes(use.module))).toEqual([
      'electron/system/run/spawn-pinned.ts',
    ]);
  });

  it('only electron/ipc.ts imports ipcMain, only electron/preload.ts imports ipcRenderer', () => {
    const fromElectron = (name: string) =>
      importers((use) => use.module === 'electron' && (use.names.includes(name) || use.names.includes('*')));
    expect(fromElectron('ipcMain')).toEqual(['electron/ipc.ts']);
    expect(fromElectron('ipcRenderer')).toEqual(['electron/preload.ts']);
  });

  it('the renderer and shared/ import nothing platform-specific', () => {
    const platform = /^(node:|electron$|execa$|child_process$|fs$|path$|os$)/;
    expect(importers((use) => /^(renderer|shared)\//.test(use.file) && platform.test(use.module))).toEqual([]);
  });

  it('nothing calls shell.openExternal', () => {
    expect(files.filter((file) => openExternalCalls(file) > 0)).toEqual([]);
  });
});

describe('the lint rules fire on a crossing (ESLint API, the project config)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const ruleIds = async (code: string, file: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it.each([
    ["import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", 'electron/router.ts'],
    ["import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'electron/ipc.ts'],
    ["import { execa } from 'execa';\nexport const x = execa;\n", 'electron/system/ranges/winnat.ts'],
    ["import { spawn } from 'node:child_process';\nexport const x = spawn;\n", 'electron/main.ts'],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'shared/model.ts'],
    ["import { app } from 'electron';\nexport const x = app;\n", 'renderer/App.tsx'],
  ])('no-restricted-imports: %s in %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });

  it('the allowed places pass the same rule', async () => {
    expect(
      await ruleIds("import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", 'electron/ipc.ts'),
    ).not.toContain('no-restricted-imports');
    expect(
      await ruleIds("import { execa } from 'execa';\nexport const x = execa;\n", 'electron/system/run/spawn-pinned.ts'),
    ).not.toContain('no-restricted-imports');
  });

  it('no-restricted-syntax: shell.openExternal', async () => {
    expect(
      await ruleIds(
        "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n",
        'electron/window.ts',
      ),
    ).toContain('no-restricted-syntax');
  });
}, 60_000);
