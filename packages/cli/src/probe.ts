// The page side of `compagnon check`: @compagnon/dom's resolver, exactly what the SDK runs. `npm run build` turns it
// into dist/probe.js (one IIFE), so an installed CLI needs neither the sources nor a bundler at run time.
import { describeTarget, locate, nameOf, roleOf } from '@compagnon/dom';

(globalThis as Record<string, unknown>).__compagnonCheck = { locate, describeTarget, nameOf, roleOf };
