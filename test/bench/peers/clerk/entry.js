// Clerk's owner-facing billing UI: clerk-js with its UI package, mounting the pricing table.
import { Clerk } from '@clerk/clerk-js';
import { ui } from '@clerk/ui';

const clerk = new Clerk('pk_test_Y2xlcmsuZXhhbXBsZS5jb20k');
await clerk.load({ ui });
clerk.mountPricingTable(document.getElementById('root'));
