import { execFile } from 'node:child_process';
import type { YardmasterStack } from './yardmaster-stack';

/** `npm run projection -- …` as the README prints it, with the stack's own environment; its exit code and output. */
export function projectionCli(stack: YardmasterStack, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'projection', '--', ...args], { env: { ...process.env, ...stack.serviceEnv } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
