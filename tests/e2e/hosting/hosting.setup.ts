import { test as setup } from '@playwright/test';
import { buildA, buildB, startNginx } from './site';

setup('build the site for a sub-path and a redeployed version, and start nginx', () => {
  setup.setTimeout(600_000);
  buildA();
  buildB();
  startNginx();
});
