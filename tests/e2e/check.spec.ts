/** /check: the scorecard follows the URL, bad input gets a note by its field, examples link, axe is clean. */
import { expect, test } from '@playwright/test';
import { describeViolations, runAxe } from './modes-helpers';

test('a worked example link fills the form and the scorecard; bad input is refused beside its field', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('a[href="/check"]').first().click();
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.locator('h1')).toHaveText('Check a speedup claim');
  await page.locator('[data-example="sycamore-pan"] a').first().click();
  await expect(page.locator('[data-item="baseline"]')).toHaveAttribute('data-verdict', 'pass');
  await expect(page.locator('[data-item="end-to-end"]')).toContainText('3.34 minutes end to end');
  const qubits = page.locator('[data-field="qubits"] input');
  await qubits.fill('1e100');
  await expect(page.locator('[data-field="qubits"] .check-issue')).toContainText('beyond');
  await expect(page).toHaveURL(/qubits=53/);
  await qubits.fill('60');
  await expect(page).toHaveURL(/qubits=60/);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
  await expect(page.locator('textarea')).toHaveValue(/Speedup claim check: Sycamore/);
});

test('the URL alone reproduces a result, with notes for refused values', async ({ page }) => {
  await page.goto('/check?qubits=-4&layers=5&shots=1000&base=1');
  await expect(page.locator('[data-field="qubits"] .check-issue')).toContainText('below 1');
  await expect(page.locator('[data-item="dollars"]')).toHaveAttribute('data-verdict', 'computed');
  await expect(page.locator('[data-item="baseline"]')).toHaveAttribute('data-verdict', 'fail');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: /check is clean (${theme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    await page.goto('/check?qubits=abc');
    await expect(page.locator('[data-field="qubits"] .check-issue')).toBeVisible();
    expect(describeViolations(await runAxe(page))).toBe('');
    await context.close();
  });
}

test('the embed: no site header, examples stay in the frame, oEmbed document points at it', async ({
  page,
  request,
}) => {
  await page.goto('/embed/check?theme=dark');
  await expect(page.locator('h1')).toHaveText('Check a speedup claim');
  await expect(page.locator('.site-header')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('[data-example="willow-rcs"] a').first().click();
  await expect(page).toHaveURL(/\/embed\/check\?/);
  await expect(page.locator('[data-item="baseline"]')).toHaveAttribute('data-verdict', 'pass');
  const doc = await (await request.get('/oembed/check.json')).json();
  expect(doc.html).toContain('/embed/check');
});
