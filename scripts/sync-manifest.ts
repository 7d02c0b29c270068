// Writes package.json's contributions from the tables in code. Run: npm run sync-manifest
import { readFileSync, writeFileSync } from 'node:fs';
import { applyManifestPart } from './manifest';

const file = new URL('../package.json', `file://${__filename}`);
const pkg = JSON.parse(readFileSync(file, 'utf8'));
writeFileSync(file, JSON.stringify(applyManifestPart(pkg), null, 2) + '\n');
console.log('package.json contributions updated from src/constants.ts and src/core/settings.ts');
