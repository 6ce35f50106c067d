import { existsSync, readdirSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { renderAsync } from '@resvg/resvg-js';
import { FONT_FAMILY } from './svg-map';

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', '/System/Library/Fonts', 'C:\\Windows\\Fonts'];
let fontsChecked = false;

/** Says once when the machine has no fonts at all: resvg then leaves every text out of the PNG. */
function warnWithoutFonts(): void {
  if (fontsChecked) return;
  fontsChecked = true;
  const any = FONT_DIRS.some((dir) => existsSync(dir) && readdirSync(dir).length > 0);
  if (!any) new Logger('CoverageMap').warn('no system fonts found: PNG maps will have no text (Debian: apt-get install fonts-dejavu-core)');
}

/**
 * Renders the map SVG to PNG with resvg (Rust, shipped as a prebuilt binary in the npm package), off
 * the event loop. Text needs a system font: DejaVu Sans or Liberation Sans (Debian:
 * `fonts-dejavu-core`); without any font the shapes render and the text is left out.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  warnWithoutFonts();
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY.split(',')[0].trim(), sansSerifFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  return image.asPng();
}
