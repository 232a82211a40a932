/** Every page axe-clean, without sideways scrolling and screenshotted at 1280x800 and 390x844, in the light theme (page-sweep.ts). */
import { sweepTest } from './page-sweep.ts';

sweepTest(import.meta.url, 'light');
