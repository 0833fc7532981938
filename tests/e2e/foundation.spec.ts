import { expect, screenshot, test } from './fixtures.ts';

test('app loads in Romanian', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Bine ați venit' })).toBeVisible();
  await expect(page.getByText(app.dataDir)).toBeVisible();
  await screenshot(page, 'home-ro');
});

test('setting survives a reload and a restart', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Setări' }).click();
  const rateLimit = page.getByLabel('Apeluri ANAF pe minut');
  await rateLimit.fill('250');
  await rateLimit.blur();
  await expect(page.getByText('Setarea a fost salvată.')).toBeVisible();
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('ANAF calls per minute')).toHaveValue('250');

  await app.restart();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('ANAF calls per minute')).toHaveValue('250');
  await screenshot(page, 'settings-en');
});

test('page without the key explains what to open', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url.split('#')[0] ?? app.url);
  await expect.poll(() => errors.join(' ')).toContain('#key=');
  await expect(page.getByRole('alert')).toContainText('#key=');
});
