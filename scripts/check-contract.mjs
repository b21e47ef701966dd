// The repo keeps a copy of the contract at src/api/billing-api.yaml (backend teams
// implement it; the npm package ships it). It must stay identical to ../shared/api/.
import { existsSync, readFileSync } from 'node:fs';

const shared = '../shared/api/billing-api.yaml';
if (!existsSync(shared)) {
  console.log('check-contract: ../shared/api/billing-api.yaml not present; skipped');
} else if (readFileSync(shared, 'utf8') !== readFileSync('src/api/billing-api.yaml', 'utf8')) {
  console.error('check-contract: src/api/billing-api.yaml differs from ../shared/api/billing-api.yaml; copy it again');
  process.exit(1);
} else {
  console.log('check-contract: src/api/billing-api.yaml is identical to the shared contract');
}
