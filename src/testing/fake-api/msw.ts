/**
 * msw adapter of the fake billing service, for the browser and Storybook: the same core,
 * answering `{any origin}/s/{scenario}/api/…`, the fake Stripe pages and `/__fake/…`.
 */
import { delay, http, HttpResponse, passthrough } from 'msw';
import { FakeBillingService } from './service.js';

export const FAKE_PATHS = /\/(?:s\/[^/]+\/(?:api|fake-stripe)\/|__fake\/)/;

export function fakeBillingHandlers(service: FakeBillingService = new FakeBillingService()) {
  return [
    http.all(FAKE_PATHS, async ({ request }) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
      const response = await service.handle({ method: request.method, url: request.url, headers, body });
      if (!response) return passthrough();
      if (response.delayMs) await delay(response.delayMs);
      if (response.network) return HttpResponse.error();
      if (response.hang) await delay('infinite');
      const nullBody = response.status === 204 || response.status === 304;
      return new HttpResponse(nullBody ? null : response.body, { status: response.status, headers: response.headers });
    }),
  ];
}
