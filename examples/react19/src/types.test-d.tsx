// Type tests (tsc --noEmit): what the JSX typings of billing-panel/types/react must refuse.
import 'billing-panel/types/react';

export const refused = (
  <>
    {/* @ts-expect-error a token provider is a function */}
    <billing-panel base-url="https://api.example.com" tokenProvider={42} />
    {/* @ts-expect-error theme is light | dark | auto */}
    <billing-panel base-url="https://api.example.com" theme="blue" />
    {/* @ts-expect-error a misspelled tag is not an element */}
    <billing-panl base-url="https://api.example.com" />
    <billing-panel
      onbilling-changed={(event) => {
        // @ts-expect-error the detail is typed: no such action
        if (event.detail.action === 'upgrade') return;
      }}
    />
  </>
);
