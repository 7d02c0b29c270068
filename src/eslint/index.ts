/**
 * The `next-route-kit/eslint` entry: the plugin object itself is the module's export, so both
 * `import nextRouteKit from 'next-route-kit/eslint'` (eslint.config.mjs) and
 * `require('next-route-kit/eslint')` (eslint.config.cjs) get it.
 */
import plugin from './plugin';

module.exports = plugin;
