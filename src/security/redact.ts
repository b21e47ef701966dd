/**
 * Keeps tokens out of anything shown or reported: every token a session has used, and any
 * JWT-shaped text (a service that echoes another token, or a token inside a URL), become
 * `[redacted]`. A service's error `code` is passed on only when it is a short identifier.
 */
const JWT_SHAPED = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const SHORT_IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out.replace(JWT_SHAPED, '[redacted]');
}

/** The service's `code` when it is an identifier such as `not_owner`; anything else is dropped. */
export function serviceCode(code: string | undefined): string | undefined {
  return code !== undefined && SHORT_IDENTIFIER.test(code) ? code : undefined;
}
