import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Rewrites `import { Button, Form } from 'antd'` (and the same from '@ant-design/icons') into one import per component
 * (`import Button from 'antd/es/button'`) at build time, so the source keeps the ordinary imports.
 *
 * Why: the bundler places a module in the chunk of every entry that can REACH it. Through the barrel files
 * (antd/es/index.js, @ant-design/icons/es/index.js) the first page reaches every component any page uses, so all of
 * them loaded with the login page (tree shaking drops only what no page uses). Imported per component, each page's
 * chunk takes the components it uses. `antd/locale/*` (CommonJS) becomes `antd/es/locale/*` (ES modules) too.
 */
export function antdPerComponentImports(): Plugin {
  const require = createRequire(import.meta.url);
  const antdEs = path.join(path.dirname(require.resolve('antd/package.json')), 'es');
  // antd/es/index.js is `export { default as Button } from './button';` per component.
  const antdComponents = new Map<string, string>();
  for (const match of fs
    .readFileSync(path.join(antdEs, 'index.js'), 'utf8')
    .matchAll(/export \{ default as (\w+) \} from '\.\/([\w-]+)';/g))
    antdComponents.set(match[1]!, `antd/es/${match[2]!}`);
  const iconsDir = path.join(path.dirname(require.resolve('@ant-design/icons/package.json')), 'es', 'icons');
  const icons = new Set(fs.readdirSync(iconsDir).flatMap((f) => (f.endsWith('.js') && f !== 'index.js' ? [f.slice(0, -3)] : [])));
  const modules: Record<string, (name: string) => string | undefined> = {
    antd: (name) => antdComponents.get(name),
    '@ant-design/icons': (name) => (icons.has(name) ? `@ant-design/icons/es/icons/${name}` : undefined),
  };

  return {
    name: 'antd-per-component-imports',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(tsx?|jsx?)$/.test(id)) return null;
      if (!code.includes(`'antd`) && !code.includes(`'@ant-design/icons'`)) return null;
      const rewritten = code
        .replace(/(from\s+|import\s*\(\s*)'antd\/locale\/(\w+)'/g, `$1'antd/es/locale/$2'`)
        .replace(/^import\s*\{([^}]*)\}\s*from\s*'(antd|@ant-design\/icons)';?/gm, (statement, list: string, from: string) => {
          const perComponent: string[] = [];
          const kept: string[] = [];
          for (const raw of list.split(',')) {
            const specifier = raw.trim();
            if (!specifier) continue;
            if (specifier.startsWith('type ')) continue; // erased by TypeScript anyway
            const [name, alias] = specifier.split(/\s+as\s+/);
            const target = modules[from]!(name!);
            if (target) perComponent.push(`import ${alias ?? name} from '${target}';`);
            else kept.push(specifier);
          }
          const imports = [...perComponent, ...(kept.length ? [`import { ${kept.join(', ')} } from '${from}';`] : [])];
          // Same number of lines, so positions after the import stay where they were.
          return imports.join(' ') + '\n'.repeat(statement.split('\n').length - 1);
        });
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}
