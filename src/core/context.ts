/** The context key through which <civic-provider> hands a backend to the widgets inside it. */
import { createContext } from '@lit/context';
import type { CivicBackend } from '../api/backend.js';

export const backendContext = createContext<CivicBackend | undefined>(Symbol('civic-backend'));
