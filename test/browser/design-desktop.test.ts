/** Every page axe-clean, without sideways scrolling and screenshotted at 1280x800, in the light and the dark theme (page-sweep.ts). */
import { SIZES, sweepTest } from './page-sweep.ts';

sweepTest(import.meta.url, SIZES.desktop);
