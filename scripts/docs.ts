// Regenerates the settings table and the Rules section of README.md. Run: npm run docs
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderReadme, ROOT } from './readme';

const file = path.join(ROOT, 'README.md');
fs.writeFileSync(file, renderReadme(fs.readFileSync(file, 'utf8')));
console.log('README.md: settings, snippets and rules sections regenerated');
