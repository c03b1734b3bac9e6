// A small PNG that looks like a screenshot of a settings screen (a title bar, lines of text, a button),
// made here so that no binary fixture has to live in the repository. The answer page audited by
// Lighthouse shows it, as answers show the screenshots support staff upload.
import { pngFrom, type Rgb } from "@aide/testing";

const BACKGROUND: Rgb = [244, 246, 248];
/** Rectangles drawn over the background, in order: x, y, width, height, colour. */
const SHAPES: ReadonlyArray<readonly [number, number, number, number, Rgb]> = [
	[0, 0, 800, 56, [43, 87, 151]],
	[32, 96, 420, 18, [60, 64, 72]],
	[32, 136, 640, 12, [150, 156, 164]],
	[32, 160, 600, 12, [150, 156, 164]],
	[32, 184, 520, 12, [150, 156, 164]],
	[32, 232, 736, 120, [255, 255, 255]],
	[56, 260, 300, 12, [150, 156, 164]],
	[56, 288, 360, 12, [150, 156, 164]],
	[32, 384, 160, 40, [43, 87, 151]],
];

/** An 800 × 450 RGB PNG of a made-up settings screen. */
export function samplePng(): Buffer {
	return pngFrom(
		800,
		450,
		(x, y) => SHAPES.findLast(([sx, sy, sw, sh]) => x >= sx && x < sx + sw && y >= sy && y < sy + sh)?.[4] ?? BACKGROUND,
	);
}
