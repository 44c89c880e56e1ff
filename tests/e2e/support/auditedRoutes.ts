// Which screens the app has, and which of them the accessibility tests audit.
// The routes are read from the app's own source (its <Route path="…"> elements, followed through
// nested routes into the components they render), so a new screen cannot slip past the audits:
// accessibility.coverage.test.ts fails when a declared route is in no file's list below, and
// each accessibility test file fails when the routes it really visited differ from its list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import ts from 'typescript';

/** The route of the app's catch-all "Nothing here" screen (a <Route> with no path at the top). */
export const NOT_FOUND = '*';

/** The routes each accessibility test file audits, as the app declares them (":id" and all). */
export const AUDITED_ROUTES = {
  'accessibility.test.ts': [
    '/', '/journal', '/journal/new', '/journal/:id', '/challenge', '/challenge/edit',
    '/trials', '/trials/new', '/trials/:id', '/trials/:id/edit', '/measures', '/measures/new', '/measures/:id',
    '/measures/:id/edit', '/timeline', '/search', '/diagnostic', '/diagnostic/:id', '/diagnostic/compare', '/poster',
    '/settings',
  ],
  'accessibility.sets.test.ts': [
    '/', '/set', '/set/meetings/:id', '/set/meetings/:id/run', '/coaching', '/timeline', '/timeline/events/:id', '/settings',
    '/cohort', '/cohort/:cohortId', '/cohort/:cohortId/calendar', '/cohort/:cohortId/invitations', '/cohort/:cohortId/overview',
    '/join', '/join/:code',
  ],
  'accessibility.coverage.test.ts': [
    '/', '/journal', '/journal/:id', '/challenge', '/challenge/new', '/trials', '/trials/:id', '/measures', '/measures/:id',
    '/set', '/set/meetings/:id', '/coaching', '/timeline', '/poster', '/search', '/diagnostic', '/diagnostic/:id',
    '/diagnostic/compare', '/settings', '/cohort', '/cohort/:cohortId', '/join/:code', NOT_FOUND,
  ],
} as const satisfies Record<string, readonly string[]>;

export type AuditFile = keyof typeof AUDITED_ROUTES;

const appDir = fileURLToPath(new URL('../../../src/app/', import.meta.url));
const ROUTES_FILE = join(appDir, 'AppRoutes.tsx');

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
}

/** The app's own .tsx files that each local component name comes from (plain and lazyPage imports). */
function localComponents(source: ts.SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  const here = dirname(source.fileName);
  const add = (name: string, specifier: string) => {
    if (specifier.startsWith('.')) found.set(name, `${resolve(here, specifier)}.tsx`);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) add(element.name.text, statement.moduleSpecifier.text);
      }
    }
    // const Page = lazyPage(() => import('./x/Page'), 'Page'): the dynamic import names the file.
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const name = declaration.name.text;
        const visit = (node: ts.Node): void => {
          if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
            const [argument] = node.arguments;
            if (argument && ts.isStringLiteral(argument)) add(name, argument.text);
          }
          ts.forEachChild(node, visit);
        };
        visit(declaration.initializer);
      }
    }
  }
  return found;
}

const tagName = (node: ts.JsxElement | ts.JsxSelfClosingElement) =>
  (ts.isJsxElement(node) ? node.openingElement.tagName : node.tagName).getText();

function attribute(node: ts.JsxElement | ts.JsxSelfClosingElement, name: string): ts.JsxAttribute | undefined {
  const attributes = ts.isJsxElement(node) ? node.openingElement.attributes : node.attributes;
  return attributes.properties.find((property): property is ts.JsxAttribute => ts.isJsxAttribute(property) && property.name.getText() === name);
}

/** A <Route> whose only content is a <Redirect> sends the person elsewhere: it is no screen. */
function onlyRedirects(node: ts.JsxElement | ts.JsxSelfClosingElement): boolean {
  if (!ts.isJsxElement(node)) return false;
  const content = node.children.filter((child) => !(ts.isJsxText(child) && child.containsOnlyTriviaWhiteSpaces));
  const [only] = content;
  return content.length === 1 && only !== undefined && (ts.isJsxSelfClosingElement(only) || ts.isJsxElement(only)) && tagName(only) === 'Redirect';
}

function joinPath(prefix: string, path: string): string {
  return `${prefix}${path === '/' ? '' : path}` || '/';
}

/** Walks one file's JSX under `prefix` (the path of the nearest enclosing nested route). */
function walkFile(file: string, prefix: string, routes: Set<string>, walked: Set<string>, routeFiles: Set<string>): void {
  const key = `${file} ${prefix}`;
  if (walked.has(key)) return;
  walked.add(key);
  const source = parse(file);
  if (source.text.includes('<Route')) routeFiles.add(file);
  const components = localComponents(source);
  const follow = (name: string, under: string) => {
    const target = components.get(name);
    if (target && target.startsWith(appDir) && existsSync(target)) walkFile(target, under, routes, walked, routeFiles);
  };

  const visit = (node: ts.Node, under: string): void => {
    if ((ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) && tagName(node) === 'Route') {
      const pathAttribute = attribute(node, 'path');
      const initializer = pathAttribute?.initializer;
      if (pathAttribute && !(initializer && ts.isStringLiteral(initializer))) {
        throw new Error(`${relative(appDir, file)}: a <Route path> that is not a plain string cannot be checked for an audit.`);
      }
      const path = initializer && ts.isStringLiteral(initializer) ? joinPath(under, initializer.text) : under || NOT_FOUND;
      if (!onlyRedirects(node)) routes.add(path);
      const inner = attribute(node, 'nest') ? path : under;
      const component = attribute(node, 'component')?.initializer;
      if (component && ts.isJsxExpression(component) && component.expression) follow(component.expression.getText(), inner);
      if (ts.isJsxElement(node)) node.children.forEach((child) => visit(child, inner));
      return;
    }
    if ((ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) && /^[A-Z]/.test(tagName(node))) follow(tagName(node), under);
    ts.forEachChild(node, (child) => visit(child, under));
  };
  visit(source, prefix);
}

function tsxFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFilesUnder(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Every route the app declares, as full paths ("/trials/:id/edit"), sorted. */
export function declaredRoutes(): string[] {
  const routes = new Set<string>();
  const routeFiles = new Set<string>();
  walkFile(ROUTES_FILE, '', routes, new Set(), routeFiles);
  // A <Route> in a file the walk never reached would be a screen this list cannot see: refuse.
  const unreached = tsxFilesUnder(appDir).filter((file) => !routeFiles.has(file) && readFileSync(file, 'utf8').includes('<Route'));
  if (unreached.length > 0) {
    throw new Error(`Routes declared in files not rendered from AppRoutes.tsx by name: ${unreached.map((file) => relative(appDir, file)).join(', ')}`);
  }
  return [...routes].sort();
}

function matches(route: string, pathname: string): boolean {
  if (route === NOT_FOUND) return true;
  const pattern = route
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}/?$`).test(pathname);
}

const staticSegments = (route: string) => (route === NOT_FOUND ? -1 : route.split('/').filter((segment) => !segment.startsWith(':')).length);

/** The declared route a pathname lands on: like the app's <Switch>, "/trials/new" beats "/trials/:id". */
export function routeOf(pathname: string, routes: readonly string[]): string {
  const candidates = routes.filter((route) => matches(route, pathname)).sort((a, b) => staticSegments(b) - staticSegments(a));
  const [best] = candidates;
  if (!best) throw new Error(`No declared route matches ${pathname}`);
  return best;
}

/**
 * Records the route of every screen a test file audits, so the file can check at its end that
 * it audited what AUDITED_ROUTES says it does — no more (unlisted) and no less (a screen that
 * quietly redirects elsewhere, or an audit that was dropped).
 */
export function routeTracker(file: AuditFile) {
  const routes = declaredRoutes();
  const seen = new Set<string>();
  return {
    /** Notes the route of the address the page shows now (after any redirect). */
    visited(page: Page): string {
      const route = routeOf(new URL(page.url()).pathname, routes);
      seen.add(route);
      return route;
    },
    mismatch(): { listedButNotAudited: string[]; auditedButNotListed: string[] } {
      const listed: readonly string[] = AUDITED_ROUTES[file];
      return {
        listedButNotAudited: listed.filter((route) => !seen.has(route)),
        auditedButNotListed: [...seen].filter((route) => !listed.includes(route)).sort(),
      };
    },
  };
}
