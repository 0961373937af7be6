// React 19 with the zw-* elements as they are (no wrappers): `data` is set as a property, events are listened to
// with `on<event-name>`, and a new `data` from state re-renders the element.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
// Define the elements before React renders them: React 19 sets a property only on an element that has it.
import 'zhengwu-elements/policy-card.js';
import 'zhengwu-elements/disclosure-directory.js';
import type { PolicyDocument, ZwLoadEvent, ZwSearchEvent } from 'zhengwu-elements';
import { directory, policies } from '../data.js';
import '../example.css';

function App() {
  const [index, setIndex] = useState(0);
  const [loaded, setLoaded] = useState('');
  const [searched, setSearched] = useState('');
  return (
    <main>
      <h1>React 19 示例</h1>
      <button type="button" onClick={() => setIndex((i) => (i + 1) % policies.length)}>
        换一份文件
      </button>
      <p>
        收到 zw-load：<output id="loaded">{loaded}</output>
      </p>
      <zw-policy-card data={policies[index]} headingLevel={2} onzw-load={(event: ZwLoadEvent<PolicyDocument>) => setLoaded(event.detail.document.title)} />
      <p>
        收到 zw-search：<output id="searched">{searched}</output>
      </p>
      <zw-disclosure-directory
        data={directory}
        urlState="off"
        headingLevel={2}
        onzw-search={(event: ZwSearchEvent) => setSearched(`「${event.detail.query}」${event.detail.total} 条`)}
      />
    </main>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
