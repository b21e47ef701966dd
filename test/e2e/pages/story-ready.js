// Added before Storybook's preview runs (page.addInitScript): records whether the story's
// `ready` text (its `parameters.ready`) was ever visible in #storybook-root, checking every
// animation frame, so a play function that moves on from it cannot hide it from the test.
// The same reading of visible text as src/testing/queries.ts, across shadow roots.
(() => {
  const state = { ready: undefined, seen: false };
  window.__storyReady = state;
  const hidden = (element) => {
    for (let node = element; node; node = node.parentElement ?? node.getRootNode().host ?? null) {
      if (node.hasAttribute('hidden')) return true;
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
    }
    return false;
  };
  const visibleText = (root) => {
    const parts = [];
    const visit = (node) => {
      if (node instanceof Element) {
        if (hidden(node) || node.classList.contains('visually-hidden')) return;
        if (node.shadowRoot) visit(node.shadowRoot);
        if (node instanceof HTMLSlotElement) {
          for (const assigned of node.assignedNodes()) visit(assigned);
          return;
        }
      }
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      for (const child of node.childNodes) visit(child);
    };
    visit(root);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  };
  const check = () => {
    state.ready = window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.ready;
    const root = document.getElementById('storybook-root');
    if (typeof state.ready === 'string' && root && visibleText(root).includes(state.ready)) state.seen = true;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
