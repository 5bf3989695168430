import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers the custom elements once, before React renders them (React 19 then sets their
// properties, such as `adapter`, directly).
import '@pxm/elements/define';
import { App } from './App.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
