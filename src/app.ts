import { createElement, type PropsWithChildren } from 'react';

import { SessionProvider } from './hooks/useSession';

import './app.css';

/** Every page renders inside the app component, so one provider gives all pages the session. */
function App({ children }: PropsWithChildren) {
  return createElement(SessionProvider, null, children);
}

export default App;
