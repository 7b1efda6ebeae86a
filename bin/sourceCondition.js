// Module resolve hook: `import "inferplane"` inside a previewed program resolves to this
// package's TypeScript sources (the `inferplane-source` export condition) instead of dist/.
export async function resolve(specifier, context, next) {
  if (specifier === "inferplane" || specifier.startsWith("inferplane/")) {
    return next(specifier, { ...context, conditions: [...context.conditions, "inferplane-source"] });
  }
  return next(specifier, context);
}
