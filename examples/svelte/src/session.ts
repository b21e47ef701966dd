// Where a real app keeps its signed-in session. In this example the page's URL hash carries
// the billing service's address and a token (the CI test opens it against the fake service).
const params = new URLSearchParams(location.hash.slice(1));

/** The team's billing service. */
export const baseUrl = params.get('base') ?? 'https://api.example.com';
/** Hosts besides Stripe's that billing redirects may go to. */
export const redirectHosts = params.get('hosts') ?? '';
/** The signed-in owner's billing token (a real app asks its auth layer, which may refresh it). */
export function getToken(): string {
  return params.get('token') ?? '';
}
