// Drives Swagger UI at /swagger in headless Chromium (Debian's, through playwright-core: no browser
// download): the page loads under its Content-Security-Policy, "Authorize" takes a bearer token,
// and "Try it out" on GET /api/v1/users/me answers 200 with the account. The page is opened as
// http://boxoffice.test:<port> (mapped to the server's address). Fails on any console
// error, page error, or request to another origin (such as the online validator).
// Usage: node swagger.mjs <base url> <access token> <expected email>
import { chromium } from 'playwright-core';

const [baseUrl, token, email] = process.argv.slice(2);
if (!email) {
  console.error('usage: node swagger.mjs <base url> <access token> <expected email>');
  process.exit(2);
}
// Opened by a name that is not localhost: Swagger UI leaves the online validator out for localhost
// only, so this is where a page that calls it would show.
const served = new URL(baseUrl);
const pageHost = 'boxoffice.test';
const mapping = `MAP ${pageHost} ${served.hostname}`;
served.hostname = pageHost;
const pageUrl = served.origin;
const origin = served.origin;
const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // CI runs as root, where Chromium's sandbox cannot start.
  args: ['--no-sandbox', `--host-resolver-rules=${mapping}`],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) problems.push(`request to another origin: ${request.url()}`);
  });

  const response = await page.goto(`${pageUrl}/swagger`);
  if (!response?.headers()['content-security-policy']) problems.push('no Content-Security-Policy on /swagger');
  const title = await page.title();
  if (!title.includes('Boxoffice')) problems.push(`page title "${title}" does not name the service`);
  await page.locator('.opblock').first().waitFor();
  console.log(`ok: Swagger UI rendered ${await page.locator('.opblock').count()} operations`);

  await page.locator('.auth-wrapper .authorize').click();
  await page.locator('.modal-ux input[type=text], .modal-ux input:not([type])').first().fill(token);
  await page.locator('.modal-ux .auth-btn-wrapper .authorize').click();
  await page.locator('.modal-ux .auth-btn-wrapper .btn-done, .modal-ux .close-modal').first().click();
  console.log('ok: authorized with a bearer token');

  const me = page.locator('#operations-Users-getMe');
  await me.locator('.opblock-summary').click();
  await me.locator('.try-out__btn').click();
  await me.locator('.execute').click();
  const status = me.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  const code = (await status.innerText()).trim();
  const body = await me.locator('.live-responses-table .response-col_description pre').first().innerText();
  if (code !== '200') problems.push(`GET /api/v1/users/me answered ${code}: ${body}`);
  if (!body.includes(email)) problems.push(`the answer does not show the account ${email}: ${body}`);
  console.log(`ok: try it out on GET /api/v1/users/me answered ${code}`);
} catch (error) {
  problems.push(`${error.name}: ${error.message}`);
} finally {
  await browser.close();
}
for (const problem of problems) console.log(problem);
console.log(problems.length === 0 ? 'swagger ui passed' : `swagger ui failed: ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
