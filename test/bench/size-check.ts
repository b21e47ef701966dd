/** CI's size check: exits non-zero when the bundle is over its gzip budget (sizes are deterministic). */
import { BUDGET_GZIP, GOAL_GZIP, kb, ourSizes } from './size.js';

const [bundle] = ourSizes();
const verdict = bundle!.gzip > BUDGET_GZIP ? 'OVER BUDGET' : bundle!.gzip > GOAL_GZIP ? 'within budget, above goal' : 'within goal';
console.log(`size: dist/billing-panel.js ${kb(bundle!.gzip)} gzip (budget ${kb(BUDGET_GZIP)}, goal ${kb(GOAL_GZIP)}): ${verdict}`);
if (bundle!.gzip > BUDGET_GZIP) process.exit(1);
