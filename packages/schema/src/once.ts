// Why the schemas are built by functions: the script tag is evaluated on every page load, and building our ~250
// zod/mini schemas at module top level cost the browser ~12 ms there (each zod instance runs its trait
// initialisers and binds its methods, in cold code). So each definition module exports one `once` builder, and the
// schemas are built by the first parseBundle() (or JSON Schema generation), which needs them anyway.

/**
 * `build`, run on the first call only: later calls return the same value, so a schema shared by several modules
 * is one instance (json-schema.ts names shared definitions by identity). Marked free of side effects so that
 * bundlers drop a builder nobody calls.
 */
export /* @__NO_SIDE_EFFECTS__ */ function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
