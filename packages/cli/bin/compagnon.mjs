#!/usr/bin/env node
// Node cannot run the TypeScript sources: this runs the rollup build (packages/cli/dist/cli.js, `npm run build`).
import { main } from '../dist/cli.js';

await main(process.argv.slice(2));
