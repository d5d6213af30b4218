import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__CG_TEST__ as
    | {
        workDir: string;
        stopPostgres?: () => Promise<void>;
        stopTemporal?: () => Promise<void>;
        dropTemplate?: () => Promise<void>;
      }
    | undefined;
  if (!state) return;
  await state.dropTemplate?.().catch(() => undefined);
  await state.stopTemporal?.();
  await state.stopPostgres?.();
  fs.rmSync(state.workDir, { recursive: true, force: true });
}
