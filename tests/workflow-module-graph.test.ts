// Every new execution in the worker (a case start, a replay after its workflow left the cache) evaluates the modules
// the workflows import, and keeps them while it is cached. The task forms (several hundred zod schemas) are loaded
// only when a completion is validated (domain/forms/load.ts, loadFormSchema): this test walks the workflows' static
// imports, as webpack evaluates them at a new execution's start, and fails when a form module is among them again.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { FORMS, type FormId } from '../domain/forms';
import { loadFormSchema } from '../domain/forms/load';

const root = path.resolve(__dirname, '..');

function resolveModule(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // packages: zod is preloaded once per worker (runtime/workflow-preload.ts)
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${path.relative(root, from)}: cannot resolve ${specifier}`);
}

/** The modules `file` imports for their values: `import type` and all-`type` specifier lists are erased. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found.flatMap((s) => resolveModule(file, s) ?? []);
}

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...valueImports(file));
  }
  return seen;
}

describe('workflow bundle: what a new execution evaluates', () => {
  const graph = [...staticGraph(path.join(root, 'workflows', 'index.ts'))].map((f) => path.relative(root, f));

  it('walks the procedures (the walk itself finds the workflow modules)', () => {
    expect(graph).toEqual(
      expect.arrayContaining([
        'workflows/lib/human-task.ts',
        'workflows/owners-meeting/workflow.ts',
        'domain/forms/owners-meeting-checks.ts',
        'domain/forms/load.ts',
      ]),
    );
  });

  it('loads no task form at an execution start: the forms are evaluated when a completion is validated', () => {
    const forms = graph.filter(
      (f) => f.startsWith('domain/forms/') && !['domain/forms/owners-meeting-checks.ts', 'domain/forms/load.ts'].includes(f),
    );
    expect(forms).toEqual([]);
  });

  it("loads each form on its own procedure's module, the very schema the API validates with", () => {
    for (const formId of Object.keys(FORMS) as FormId[]) expect(loadFormSchema(formId)).toBe(FORMS[formId]);
    expect(() => loadFormSchema('nope.form' as FormId)).toThrow('No task form nope.form');
  });
});
