import { existsSync, readFileSync } from 'node:fs';
import { rollup } from 'rollup';
import { describe, expect, it } from 'vitest';
import { budget, IIFE_GZIP_BUDGET, MUST_NOT_APPEAR, sizes } from '../budgets.mjs';

const virtual = (code) => ({
  name: 'virtual',
  resolveId: (id) => (id === 'entry' ? id : null),
  load: (id) => (id === 'entry' ? code : null),
});

async function build(code, gzip = 30_000) {
  process.env.QUIET_BUDGET = '1';
  const bundle = await rollup({ input: 'entry', plugins: [virtual(code), budget({ gzip })] });
  return bundle.generate({ format: 'iife' });
}

describe('the build budget', () => {
  it.each([
    { name: 'new Function', code: 'window.f = new Function("return 1");', error: /forbidden "new Function"/ },
    { name: 'eval', code: 'window.f = eval("1");', error: /forbidden "eval\("/ },
    { name: 'zod classic', code: 'window.n = "ZodObject";', error: /forbidden "zod classic"/ },
    { name: 'over budget', code: `window.s = ${JSON.stringify(Array.from({ length: 4000 }, (_, i) => `${i * 7919 % 10007}`).join(''))};`,
      error: /over its budget of 100 B/, gzip: 100 },
  ])('fails the build for $name', async ({ code, error, gzip }) => {
    await expect(build(code, gzip)).rejects.toThrow(error);
  });

  it('passes a small clean bundle', async () => {
    const out = await build('window.ok = 1;');
    expect(out.output[0].code).toContain('window.ok = 1');
  });

  it('the built script-tag file is within budget and clean', () => {
    const file = new URL('../../packages/sdk/dist/compagnon.iife.js', import.meta.url);
    expect(existsSync(file)).toBe(true);
    const code = readFileSync(file, 'utf8');
    expect(sizes(code).gzip).toBeLessThanOrEqual(IIFE_GZIP_BUDGET);
    expect(MUST_NOT_APPEAR.filter(({ pattern }) => pattern.test(code)).map((p) => p.name)).toEqual([]);
  });
});
