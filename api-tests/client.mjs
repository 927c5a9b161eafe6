// Generates a TypeScript client from the served OpenAPI document, type-checks the scenario that
// uses it (client/scenario.ts) and runs it against the same server.
// Usage: node client.mjs <base url> <admin email> <admin password>
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [baseUrl, adminEmail, adminPassword] = process.argv.slice(2);
if (!adminPassword) {
  console.error('usage: node client.mjs <base url> <admin email> <admin password>');
  process.exit(2);
}
const client = join(here, 'client');
const bin = (name) => join(here, 'node_modules', '.bin', name);
const step = (name, command, args) => {
  console.log(`== ${name}`);
  try {
    execFileSync(command, args, { cwd: client, stdio: 'inherit' });
  } catch {
    console.error(`== ${name} failed`);
    process.exit(1);
  }
};

rmSync(join(client, 'generated'), { recursive: true, force: true });
rmSync(join(client, 'dist'), { recursive: true, force: true });
mkdirSync(join(client, 'generated'));
step('generate the client types', bin('openapi-typescript'), [`${baseUrl}/openapi.json`, '--output', 'generated/schema.d.ts']);
step('type-check and compile the scenario', bin('tsc'), ['-p', 'tsconfig.json']);
step('run the scenario', process.execPath, [join(client, 'dist', 'scenario.js'), baseUrl, adminEmail, adminPassword]);
