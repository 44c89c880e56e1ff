import type { z } from 'zod';

type Path = readonly PropertyKey[];

/**
 * Collects a form schema's issues inside a zod `transform`/`superRefine`, keeping only the
 * first message for each field (the one the person sees), so a form can check its own
 * wording first and then add whatever the domain schema still finds.
 */
export function collectIssues(ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  function add(path: Path, message: string): void {
    const key = path.map(String).join('.');
    if (seen.has(key)) return;
    seen.add(key);
    ctx.addIssue({ code: 'custom', message, path: [...path] });
  }
  return {
    add,
    /** Copies a domain schema's issues, optionally moving each to the form field it belongs to. */
    addAll(issues: readonly z.core.$ZodIssue[], mapPath: (path: Path) => Path = (path) => path): void {
      for (const issue of issues) add(mapPath(issue.path), issue.message);
    },
    get count(): number {
      return seen.size;
    },
  };
}
