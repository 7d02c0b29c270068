// Writes snippets/typescript.json and snippets/javascript.json from catalog.txt. Run: npm run snippets
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderAll, ROOT } from './catalog';

for (const [rel, text] of Object.entries(renderAll())) {
  fs.mkdirSync(path.dirname(path.join(ROOT, rel)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, rel), text);
  console.log(`${rel}: ${Object.keys(JSON.parse(text)).length} snippets`);
}
