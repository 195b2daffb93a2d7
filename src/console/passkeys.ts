/**
 * Passkeys in the browser (WebAuthn through @simplewebauthn/browser): adding one to the signed-in
 * account, and signing in with one. Loaded only when someone presses a passkey button.
 */
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { PasskeyCredential } from '../api/accounts.js';
import { call } from '../api/rest-call.js';
import { addPasskey, passkeyRegistrationOptions, passkeySignInOptions, signInWithPasskey } from '../api/routes/accounts.js';
import type { RestClient } from '../api/rest.js';

type Options<F extends (o: { optionsJSON: never }) => unknown> = Parameters<F>[0]['optionsJSON'];

/** Asks the browser for a new passkey and registers it to the signed-in account. */
export async function registerPasskey(client: RestClient): Promise<void> {
  const options = await call(client, passkeyRegistrationOptions, {});
  const credential = await startRegistration({ optionsJSON: options as unknown as Options<typeof startRegistration> });
  await call(client, addPasskey, {}, { body: { credential: credential as unknown as PasskeyCredential } });
}

/** Signs in with a passkey the browser holds for this site (the server sets the session cookie). */
export async function passkeySignIn(client: RestClient): Promise<void> {
  const options = await call(client, passkeySignInOptions, {});
  const credential = await startAuthentication({ optionsJSON: options as unknown as Options<typeof startAuthentication> });
  await call(client, signInWithPasskey, {}, { body: { credential: credential as unknown as PasskeyCredential } });
}
