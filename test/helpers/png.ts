import { inflateSync } from 'node:zlib';

export interface DecodedPng {
    width: number;
    height: number;
    /** RGBA, 8 bits per channel, row by row. */
    pixels: Uint8Array;
}

/** A minimal PNG decoder for tests: 8-bit RGB or RGBA, not interlaced (what resvg writes). */
export function decodePng(data: Buffer): DecodedPng {
    if (!data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
        throw new Error('not a PNG file');
    }
    let offset = 8;
    let width = 0, height = 0, colorType = 0;
    const idat: Buffer[] = [];
    while (offset < data.length) {
        const length = data.readUInt32BE(offset);
        const type = data.toString('latin1', offset + 4, offset + 8);
        const body = data.subarray(offset + 8, offset + 8 + length);
        if (type === 'IHDR') {
            width = body.readUInt32BE(0);
            height = body.readUInt32BE(4);
            const bitDepth = body[8];
            colorType = body[9];
            if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || body[12] !== 0) {
                throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${body[12]}`);
            }
        } else if (type === 'IDAT') {
            idat.push(body);
        } else if (type === 'IEND') {
            break;
        }
        offset += 12 + length;
    }
    const channels = colorType === 6 ? 4 : 3;
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * channels;
    const rows = new Uint8Array(height * stride);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        for (let x = 0; x < stride; x++) {
            const a = x >= channels ? rows[y * stride + x - channels] : 0;
            const b = y > 0 ? rows[(y - 1) * stride + x] : 0;
            const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels] : 0;
            let predictor = 0;
            switch (filter) {
                case 0: predictor = 0; break;
                case 1: predictor = a; break;
                case 2: predictor = b; break;
                case 3: predictor = (a + b) >> 1; break;
                case 4: {
                    const p = a + b - c;
                    const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    break;
                }
                default: throw new Error(`bad PNG filter ${filter}`);
            }
            rows[y * stride + x] = (line[x] + predictor) & 0xff;
        }
    }
    const pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) {
        pixels[i * 4] = rows[i * channels];
        pixels[i * 4 + 1] = rows[i * channels + 1];
        pixels[i * 4 + 2] = rows[i * channels + 2];
        pixels[i * 4 + 3] = channels === 4 ? rows[i * channels + 3] : 255;
    }
    return { width, height, pixels };
}
