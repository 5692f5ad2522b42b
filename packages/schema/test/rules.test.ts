import { describe, expect, it } from 'vitest';
import { parseBundle, ruleSchemas } from '../src/index.ts';

const errorOf = (when: unknown) => {
  const { errors } = parseBundle({ version: 1, populations: { p: { when } }, guides: [] });
  return errors.map((e) => `${e.path}: ${e.message.en} | ${e.message.fr}`);
};

const deep = (rule: unknown, depth: number): unknown => (depth === 0 ? rule : { all: [{ rollout: 1 }, { not: deep(rule, depth - 1) }] });

const cases: { name: string; when: unknown; error: string }[] = [
  { name: 'unknown operator inside all', when: { all: [{ attr: 'a', eq: 1 }, { attr: 'b', eqq: 2 }] }, error: 'populations.p.when.all[1].eqq: unknown operator "eqq" | opérateur inconnu « eqq »' },
  { name: 'unknown operator beside valid ones', when: { attr: 'a', eq: 1, like: 'x' }, error: 'populations.p.when.like: unknown operator "like" | opérateur inconnu « like »' },
  { name: 'two kinds of rule in one object', when: { rollout: 5, all: [] }, error: 'populations.p.when.all: unknown operator "all" | opérateur inconnu « all »' },
  { name: 'attribute without operator', when: { any: [{ attr: 'a' }] }, error: 'populations.p.when.any[0]: needs an operator: eq, in, contains, gte, lte or withinDays | opérateur requis : eq, in, contains, gte, lte ou withinDays' },
  { name: 'empty rule', when: { not: {} }, error: 'populations.p.when.not: expected one of attr, inactiveDays, rollout, all, any, not, event | attendu : attr, inactiveDays, rollout, all, any, not, event' },
  { name: 'no rule key at all', when: { attribute: 'a' }, error: 'populations.p.when.attribute: unknown key "attribute", expected one of attr, inactiveDays, rollout, all, any, not, event | clé inconnue « attribute », attendu : attr, inactiveDays, rollout, all, any, not, event' },
  { name: 'rule is a string', when: { all: ['admin'] }, error: 'populations.p.when.all[0]: expected an object, got string | objet attendu, reçu : chaîne' },
  { name: 'all is not a list', when: { all: { rollout: 1 } }, error: 'populations.p.when.all: expected an array, got object | tableau attendu, reçu : objet' },
  { name: 'empty any', when: { any: [] }, error: 'populations.p.when.any: must not be empty | ne doit pas être vide' },
  { name: 'inactiveDays without bounds', when: { not: { inactiveDays: {} } }, error: 'populations.p.when.not.inactiveDays: needs gte or lte | gte ou lte requis' },
  { name: 'inactiveDays negative', when: { inactiveDays: { gte: -1 } }, error: 'populations.p.when.inactiveDays.gte: at least 0 | au moins 0' },
  { name: 'rollout above 100', when: { rollout: 101 }, error: 'populations.p.when.rollout: at most 100 | au plus 100' },
  { name: 'in is not a list', when: { attr: 'd', in: 'HR' }, error: 'populations.p.when.in: expected an array, got string | tableau attendu, reçu : chaîne' },
  { name: 'eq is an object', when: { attr: 'd', eq: { v: 1 } }, error: 'populations.p.when.eq: expected a string, a number or a boolean, got object | chaîne, nombre ou booléen attendu, reçu : objet' },
  { name: 'gte is a boolean', when: { attr: 'd', gte: true }, error: 'populations.p.when.gte: expected a number or a string, got boolean | nombre ou chaîne attendu, reçu : booléen' },
  { name: 'behaviour rule without count', when: { event: 'report-exported' }, error: 'populations.p.when.count: missing, expected an object | manquant, objet attendu' },
  { name: 'behaviour rule with empty count', when: { not: { event: 'report-exported', count: {} } }, error: 'populations.p.when.not.count: needs gte or lte | gte ou lte requis' },
  { name: 'behaviour count negative', when: { event: 'e', count: { lte: -1 } }, error: 'populations.p.when.count.lte: at least 0 | au moins 0' },
  { name: 'behaviour count not an integer', when: { event: 'e', count: { gte: 1.5 } }, error: 'populations.p.when.count.gte: expected an integer, got number | entier attendu, reçu : nombre' },
  { name: 'behaviour count bound misspelt', when: { event: 'e', count: { gt: 1 } }, error: 'populations.p.when.count.gt: unknown key "gt" | clé inconnue « gt »' },
  { name: 'behaviour rule with a stray key', when: { event: 'e', count: { gte: 1 }, since: 7 }, error: 'populations.p.when.since: unknown operator "since" | opérateur inconnu « since »' },
  { name: 'behaviour event name empty', when: { event: '', count: { gte: 1 } }, error: 'populations.p.when.event: must not be empty | ne doit pas être vide' },
  { name: 'five levels down', when: deep({ attr: 'x', eqq: 1 }, 5), error: `populations.p.when${'.all[1].not'.repeat(5)}.eqq: unknown operator "eqq" | opérateur inconnu « eqq »` },
];

describe('rule errors point at the offending key, at any depth', () => {
  it.each(cases)('$name', ({ when, error }) => {
    expect(errorOf(when)).toEqual([error]);
  });
});

describe('RuleSchema used directly (as the collector will)', () => {
  it('reports the branch issue with its path rather than a union failure', () => {
    const r = ruleSchemas().RuleSchema.safeParse({ any: [{ rollout: 1 }, { attr: 'a', eq: 1, eqq: 1 }] });
    expect(r.error?.issues).toEqual([expect.objectContaining({ code: 'custom', path: ['any', 1, 'eqq'], params: { m: 'op', v: 'eqq' } })]);
  });

  it('accepts every rule kind, deeply nested', () => {
    const rule = {
      all: [
        { attr: 'hiredAt', withinDays: 30, gte: '2024-01-01' },
        { any: [{ inactiveDays: { gte: 7, lte: 30 } }, { rollout: 0 }, { rollout: 100 }] },
        { not: { attr: 'roles', contains: 'admin', in: ['a', 1, true] } },
        { any: [{ event: 'report-exported', count: { gte: 1 } }, { event: 'report-exported', count: { lte: 0 } }, { event: 'e', count: { gte: 2, lte: 5 } }] },
        deep({ attr: 'x', eq: false }, 8),
      ],
    };
    expect(ruleSchemas().RuleSchema.safeParse(rule)).toEqual({ success: true, data: rule });
  });
});
