/**
 * Renders the ribbon and store icons (assets/icon.svg, assets/validate.svg) to the PNG sizes Office asks for,
 * with headless Chromium. Run after editing an SVG: npx tsx scripts/render-icons.ts (the PNGs are committed).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { launchBrowser } from "./lib/browser";

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;
export const ICON_NAMES = ["icon", "validate"] as const;
const ASSETS = join(__dirname, "..", "assets");

async function main(): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const name of ICON_NAMES) {
      const svg = readFileSync(join(ASSETS, `${name}.svg`), "utf8");
      for (const size of ICON_SIZES) {
        await page.setViewportSize({ width: size, height: size });
        const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
        await page.setContent(`<!doctype html><body style="margin:0">${sized}</body>`);
        await page.screenshot({ path: join(ASSETS, `${name}-${size}.png`), omitBackground: true });
      }
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
