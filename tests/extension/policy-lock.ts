// Chromium reads /etc/chromium/policies/managed for every browser on the machine: while the policy test has a file
// there, the author test's browser (another file, run in parallel) gets that policy too, mid-test. Both hold this
// lock, an atomic mkdir with the holder's pid inside, so a policy never appears during the other test. A lock left
// by a run that died is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const LOCK = '/tmp/compagnon-extension-policy.lock';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function withPolicyLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(`${LOCK}/pid`, String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder = NaN;
      try { holder = Number(readFileSync(`${LOCK}/pid`, 'utf8')); } catch { /* being written: wait */ }
      if (Number.isInteger(holder) && holder !== process.pid && !alive(holder)) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
