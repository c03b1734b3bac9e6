// A small PNG that looks like a screenshot of a settings screen (a title bar, lines of text, a button),
// made here so that no binary fixture has to live in the repository. The answer page audited by
// Lighthouse shows it, as answers show the screenshots support staff upload.
import { crc32, deflateSync } from "node:zlib";

type Rgb = readonly [number, number, number];

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

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed));
	return Buffer.concat([length, typed, crc]);
}

/** An 800 × 450 RGB PNG of a made-up settings screen. */
export function samplePng(): { png: Buffer; width: number; height: number } {
	const width = 800;
	const height = 450;
	const stride = 1 + width * 3;
	const pixels = Buffer.alloc(stride * height);
	for (let y = 0; y < height; y++) {
		// Each row starts with its filter type, 0 (none).
		for (let x = 0; x < width; x++) {
			const shape = SHAPES.findLast(([sx, sy, sw, sh]) => x >= sx && x < sx + sw && y >= sy && y < sy + sh);
			pixels.set(shape ? shape[4] : BACKGROUND, y * stride + 1 + x * 3);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, adaptive filtering, no interlace
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const png = Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
	return { png, width, height };
}
