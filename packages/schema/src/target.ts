import { keyed } from './keyed.ts';
import { nonEmptyList } from './checks.ts';
import { NonEmptySchema } from './text.ts';
import { z } from './z.ts';

export const RoleTargetSchema = z.strictObject({ role: NonEmptySchema, name: z.optional(NonEmptySchema) });
export const TextTargetSchema = z.strictObject({ text: NonEmptySchema });
/** `{ role, name }` or `{ text }`: told apart by their key, so a typo is reported inside the one meant. */
export const TargetQuerySchema = keyed(['role', 'text'], [RoleTargetSchema, TextTargetSchema]);

/** One way to find an element: a CSS selector, an accessible role and name, or a visible text. */
export const TargetSpecSchema = z.union([NonEmptySchema, TargetQuerySchema]);
export type TargetSpec = z.infer<typeof TargetSpecSchema>;

// Flat rather than a union of TargetSpec and a list: errors then merge all three expected types ("a string, an
// object or an array") instead of stopping at the nested union.
export const TargetSchema = z.union([NonEmptySchema, TargetQuerySchema, z.array(TargetSpecSchema).check(nonEmptyList)]);
/** A target, or an ordered list of targets tried in turn. */
export type Target = z.infer<typeof TargetSchema>;
