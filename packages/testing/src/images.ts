// Images for tests, the screenshots and Lighthouse: a PNG made here (no image library needed to make
// a fixture), uploaded into the CMS's media library as an editor's browser does, through the admin API.
import { crc32, deflateSync } from "node:zlib";

/** What the media library holds of an uploaded file (the upload plugin's own fields the tests read). */
export interface UploadedImage {
	readonly id: number;
	readonly url: string;
	readonly name: string;
	readonly mime: string;
	readonly width: number | null;
	readonly height: number | null;
	readonly formats: Record<string, { url: string; width: number; height: number }> | null;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** An RGB colour, 0-255 per channel. */
export type Rgb = readonly [number, number, number];

/** A `width` x `height` RGB PNG whose pixel at (x, y) is `pixelAt(x, y)`. */
export function pngFrom(width: number, height: number, pixelAt: (x: number, y: number) => Rgb): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlace
	const stride = 1 + width * 3;
	const pixels = Buffer.alloc(stride * height); // each row starts with its filter type, 0 (none)
	for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.set(pixelAt(x, y), y * stride + 1 + x * 3);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk("IHDR", header),
		chunk("IDAT", deflateSync(pixels)),
		chunk("IEND", Buffer.alloc(0)),
	]);
}

/**
 * A `width` x `height` PNG: horizontal bands of `colour` and white, so that it is visibly an image in a
 * screenshot, and so that two colours make two different files.
 */
export function pngImage(width: number, height: number, colour: Rgb = [37, 99, 235]): Buffer {
	const band = Math.max(1, Math.round(height / 8));
	return pngFrom(width, height, (_x, y) => (Math.floor(y / band) % 2 === 0 ? colour : [255, 255, 255]));
}

/**
 * Uploads a file into the CMS's media library as the admin's media library does (`POST /upload`,
 * signed in as an admin: `cms.adminToken()`), and returns what the library holds of it. Put it into an
 * answer as the Markdown editor does: `![alt](${image.url})`.
 */
export async function uploadImage(
	cmsUrl: string,
	adminToken: string,
	file: { name: string; bytes: Buffer; type?: string; alternativeText?: string },
): Promise<UploadedImage> {
	const form = new FormData();
	form.append("files", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "image/png" }), file.name);
	form.append("fileInfo", JSON.stringify({ name: file.name, alternativeText: file.alternativeText ?? null }));
	const response = await fetch(`${cmsUrl}/upload`, { method: "POST", headers: { authorization: `Bearer ${adminToken}` }, body: form });
	const text = await response.text();
	if (!response.ok) throw new Error(`Uploading ${file.name} into the media library failed: ${response.status} ${text.slice(0, 300)}`);
	const [uploaded] = JSON.parse(text) as UploadedImage[];
	if (!uploaded) throw new Error(`Uploading ${file.name} into the media library returned no file: ${text.slice(0, 300)}`);
	return uploaded;
}
