// The `compagnon` command. `main` is the whole program, its effects injected (`Io`); bin/compagnon.mjs runs the
// rollup build of this file.
import { parseArgs } from 'node:util';
import { check } from './check.ts';
import { type Io, processIo } from './io.ts';
import { publish } from './publish.ts';
import { printSchema } from './schema.ts';
import { serve } from './serve.ts';
import { validate } from './validate.ts';

export type { Io } from './io.ts';

export const USAGE = `usage: compagnon <command>

  validate <file.json>…            check guide bundles; errors as file:line:col: path: message (exit 1)
  schema                           print the bundle's JSON Schema
  publish <file.json> --app <id>   validate, then store as the app's next guide version
      [--url <collector>]          (alias --collector) default http://127.0.0.1:4320
      [--token <admin token>]      (alias --admin-token) default $COMPAGNON_ADMIN_TOKEN
  check <file.json> --base-url <url>   open each tour and tooltip in headless Chromium: every target must
                                   resolve to exactly one visible element (exit 1 when a guide is broken)
      [--setup <script.mjs>]       its default export (page, baseUrl) runs first, e.g. to log in
      [--junit <out.xml>]          also write a JUnit XML report
      [--timeout <ms>]             longest wait for a target, default 5000
  serve                            run the collector
      [--port <n>] [--host <h>]    default $PORT or 4320, $HOST or 127.0.0.1
      [--db <sqlite:path | postgres://…>]   default $COMPAGNON_DB or ./data/compagnon.db
      [--app <id>,<writeKey>[,<origin>…]]   repeatable; no origin: any origin (development)
      [--admin-token <t>]          default $COMPAGNON_ADMIN_TOKEN`;

type Command = (args: string[], io: Io) => Promise<number | undefined>;

const commands: Record<string, Command> = {
  validate: (args, io) => validate(parseArgs({ args, allowPositionals: true, options: {} }).positionals, io),

  schema: (args, io) => (parseArgs({ args, options: {} }), printSchema(io)),

  publish: (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        app: { type: 'string' },
        url: { type: 'string' },
        collector: { type: 'string' },
        token: { type: 'string' },
        'admin-token': { type: 'string' },
      },
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0 || !values.app) throw new UsageError('publish needs one file and --app <id>');
    return publish(
      {
        file,
        app: values.app,
        url: values.url ?? values.collector ?? io.env.COMPAGNON_URL ?? 'http://127.0.0.1:4320',
        token: values.token ?? values['admin-token'] ?? io.env.COMPAGNON_ADMIN_TOKEN,
      },
      io,
    );
  },

  check: (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'base-url': { type: 'string' },
        setup: { type: 'string' },
        junit: { type: 'string' },
        timeout: { type: 'string' },
      },
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0 || !values['base-url']) throw new UsageError('check needs one file and --base-url <url>');
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeout !== undefined && !(timeout >= 0)) throw new UsageError('--timeout must be a number of milliseconds');
    return check(
      {
        file,
        baseUrl: values['base-url'],
        ...(values.setup ? { setup: values.setup } : {}),
        ...(values.junit ? { junit: values.junit } : {}),
        ...(timeout !== undefined ? { timeout } : {}),
      },
      io,
    );
  },

  serve: (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        app: { type: 'string', multiple: true },
        'admin-token': { type: 'string' },
      },
    });
    return serve(values, io);
  },
};

class UsageError extends Error {}

/**
 * Runs one command line (`argv` without node and the script). Resolves with the exit code, also given to
 * `io.exit`; `serve` resolves once the server listens, with `undefined`, and does not exit.
 */
export async function main(argv: string[], io: Partial<Io> = {}): Promise<number | undefined> {
  const full: Io = { ...processIo(), ...io };
  const [name, ...args] = argv;
  let code: number | undefined;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    full.stdout(USAGE);
    code = name ? 0 : 2;
  } else if (!Object.hasOwn(commands, name)) {
    full.stderr(`compagnon: unknown command ${JSON.stringify(name)}\n\n${USAGE}`);
    code = 2;
  } else {
    try {
      code = await commands[name]!(args, full);
    } catch (err) {
      // parseArgs' errors (unknown option, missing value) and ours are the user's to fix: say it and show usage.
      const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      if (!usage) throw err;
      full.stderr(`compagnon ${name}: ${(err as Error).message}\n\n${USAGE}`);
      code = 2;
    }
  }
  if (code !== undefined) full.exit(code);
  return code;
}
