/** Entry for `npm run experiment` (see experiment-main.ts). */
import { main } from './experiment-main';
import { runAndExit } from './io';

runAndExit(main);
