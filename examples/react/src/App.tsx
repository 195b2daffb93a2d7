// Typed JSX for <civic-*> tags: attributes, properties and `oncivic-…` listeners.
import type {} from 'civic-widgets/react';
// Each import registers one element (importing on the server is harmless: see the README).
import 'civic-widgets/provider';
import 'civic-widgets/petition';
import 'civic-widgets/poll';
import { useState } from 'react';
import { createBackend } from './backend.js';

export function App() {
  const [backend] = useState(createBackend);
  const [lang, setLang] = useState<'en' | 'fr'>('en');
  const [signatures, setSignatures] = useState<number>();
  const [vote, setVote] = useState<string>();

  return (
    <main>
      <h1>civic-widgets in React</h1>
      <button type="button" onClick={() => setLang(lang === 'en' ? 'fr' : 'en')}>
        {lang === 'en' ? 'En français' : 'In English'}
      </button>
      <p id="from-events" role="status">
        {signatures === undefined ? 'Not signed yet.' : `Signed: ${signatures} signatures.`}{' '}
        {vote === undefined ? 'No vote yet.' : `Voted: ${vote}.`}
      </p>
      {/* `backend` is set as a property (an object), `lang` as an attribute. */}
      <civic-provider backend={backend} lang={lang}>
        <civic-petition petition="bike-lanes" oncivic-signed={(event) => setSignatures(event.signatureCount)} />
        <civic-poll poll="library-hours" oncivic-voted={(event) => setVote(event.choices.join(', ') || 'withdrawn')} />
      </civic-provider>
    </main>
  );
}
