const fs = require('node:fs');
const path = require('node:path');
/** Route files below a folder, sorted (no node_modules/.next). */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === 'node_modules' || e.name === '.next') continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|jsx|mjs)$/.test(e.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}
module.exports = { listFiles };
