// bench/eslint.config.mjs plus next-route-kit's recommended config from dist/eslint.js (what
// `next-route-kit/eslint` resolves to): the plugin's cost inside ESLint. Used only by `npm run bench`.
import nextRouteKit from '../dist/eslint.js';
import base from './eslint.config.mjs';

export default [...base, nextRouteKit.configs.recommended];
