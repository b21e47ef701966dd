/** Public events bubble and cross shadow roots; `cancelable` where the host may take over. */
export const eventInit = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });
