import { test as teardown } from '@playwright/test';
import { stopNginx } from './site';

teardown('stop nginx', () => {
  stopNginx();
});
