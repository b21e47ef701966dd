import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Billing } from './Billing';

/** The host page: re-renders on demand (a new inline tokenProvider each time) and mounts/unmounts the billing section. */
function App() {
  const [renders, setRenders] = useState(1);
  const [shown, setShown] = useState(true);
  return (
    <main>
      <h1>React 18 settings</h1>
      <button type="button" onClick={() => setRenders(renders + 1)}>Re-render</button>
      <button type="button" onClick={() => setShown(!shown)}>{shown ? 'Hide billing' : 'Show billing'}</button>
      <p>Renders: {renders}</p>
      {shown && <Billing />}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
