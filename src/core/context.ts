/**
 * The context key through which <civic-provider> hands a backend to the widgets inside it. A key in
 * the global symbol registry, so that a provider reaches widgets whichever file each came from (its
 * own file, `shared/`, civic-widgets.js: each carries its own copy of this module).
 */
import { createContext } from '@lit/context';
import type { CivicBackend } from '../api/backend.js';

export const backendContext = createContext<CivicBackend | undefined>(Symbol.for('civic-backend'));
