import { keyed } from './keyed.ts';
import { nonEmptyList } from './checks.ts';
import { once } from './once.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

// Built on first use (see once.ts).
export const targetSchemas = once(() => {
  const { NonEmptySchema } = textSchemas();
  const RoleTargetSchema = z.strictObject({ role: NonEmptySchema, name: z.optional(NonEmptySchema) });
  const TextTargetSchema = z.strictObject({ text: NonEmptySchema });
  /** `{ role, name }` or `{ text }`: told apart by their key, so a typo is reported inside the one meant. */
  const TargetQuerySchema = keyed(['role', 'text'], [RoleTargetSchema, TextTargetSchema]);

  /** One way to find an element: a CSS selector, an accessible role and name, or a visible text. */
  const TargetSpecSchema = z.union([NonEmptySchema, TargetQuerySchema]);

  // Flat rather than a union of TargetSpec and a list: errors then merge all three expected types ("a string, an
  // object or an array") instead of stopping at the nested union.
  /** A target, or an ordered list of targets tried in turn. */
  const TargetSchema = z.union([NonEmptySchema, TargetQuerySchema, z.array(TargetSpecSchema).check(nonEmptyList())]);
  return { RoleTargetSchema, TextTargetSchema, TargetQuerySchema, TargetSpecSchema, TargetSchema };
});

type Schemas = ReturnType<typeof targetSchemas>;
export type TargetSpec = z.infer<Schemas['TargetSpecSchema']>;
/** A target, or an ordered list of targets tried in turn. */
export type Target = z.infer<Schemas['TargetSchema']>;
