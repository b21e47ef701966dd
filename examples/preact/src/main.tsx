import { render } from 'preact';
import { useState } from 'preact/hooks';
import { Billing } from './Billing';

/** The host page: re-renders on demand (a new inline tokenProvider each time) and mounts/unmounts the billing section. */
function App() {
  const [renders, setRenders] = useState(1);
  const [shown, setShown] = useState(true);
  return (
    <main>
      <h1>Preact settings</h1>
      <button type="button" onClick={() => setRenders(renders + 1)}>Re-render</button>
      <button type="button" onClick={() => setShown(!shown)}>{shown ? 'Hide billing' : 'Show billing'}</button>
      <p>Renders: {renders}</p>
      {shown && <Billing />}
    </main>
  );
}

render(<App />, document.getElementById('root')!);
