/** Every page axe-clean, without sideways scrolling and screenshotted at 390x844, in the light and the dark theme (page-sweep.ts). */
import { SIZES, sweepTest } from './page-sweep.ts';

sweepTest(import.meta.url, SIZES.phone);
