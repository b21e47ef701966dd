// @ts-check
// Type tests (tsc --checkJs): what the package's DOM typings must refuse.
/** @import {} from 'billing-panel' */

const panel = document.createElement('billing-panel');
// @ts-expect-error a token provider is a function
panel.tokenProvider = 42;
// @ts-expect-error theme is light | dark | auto
panel.theme = 'blue';
panel.addEventListener('billing-changed', (event) => {
  // @ts-expect-error the detail is typed: no such action
  if (event.detail.action === 'upgrade') return;
});
