/** Entry for `npm run sim` (see sim-main.ts). */
import { main } from './sim-main';
import { runAndExit } from './io';

runAndExit(main);
