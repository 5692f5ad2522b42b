// `npm start`: serves the demo intranet with the freshly built SDK, and says how to try each persona.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from './static-server.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../examples/intranet/', import.meta.url));
const iife = fileURLToPath(new URL('../packages/sdk/dist/compagnon.iife.js', import.meta.url));
const routes = { '/compagnon.iife.js': iife };
const wanted = Number(process.env.PORT ?? 4310);

async function listen() {
  try {
    return await createStaticServer({ root, routes, port: wanted });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${wanted} is taken: using a free one instead.`);
    return createStaticServer({ root, routes, port: 0 });
  }
}

const server = await listen();
const base = `${server.url}/`;
console.log(`Compagnon demo: ${base}`);
if (!existsSync(iife)) {
  console.warn(`(the SDK is not built yet: ${iife.slice(repo.length)} is missing; run \`npm run build\`)`);
}
console.log('Pick a person in the "View as" menu at the top of any page:');
for (const [who, where, what] of [
  ['Nadia (new hire)', 'expenses.html', 'the expense tour and the "Your first week" checklist'],
  ['Marc (manager)', 'team.html', 'a tip on the CSV export button'],
  ['Inès (Finance pilot)', 'expenses.html', 'the new approval workflow, for half of Finance'],
  ['Paul (inactive 40 days)', '', 'a "welcome back" tour of what changed'],
  ['Sam (IT)', '', 'the service desk tip for support teams'],
]) {
  console.log(`  ${who.padEnd(24)} ${(base + where).padEnd(40)} ${what}`);
}
console.log('Ctrl-C stops the server.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
