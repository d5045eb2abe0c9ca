/**
 * Colour science for the accessibility tests: WCAG 2 contrast ratios, colour-vision-deficiency simulation
 * (Machado, Oliveira and Fernandes 2009, severity 1.0, applied in linear sRGB) and the CIEDE2000 colour
 * difference in CIELAB (D65).
 */
export type Rgb = readonly [number, number, number];

/** `#rgb` or `#rrggbb` as sRGB components 0..1. */
export function parseHex(hex: string): Rgb {
    const digits = hex.replace('#', '');
    const full = digits.length === 3 ? [...digits].map(d => d + d).join('') : digits;
    if (!/^[0-9a-f]{6}$/i.test(full)) {
        throw new Error(`Not a hex colour: ${hex}`);
    }
    return [0, 2, 4].map(i => parseInt(full.slice(i, i + 2), 16) / 255) as unknown as Rgb;
}

function toLinear(c: number): number {
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function fromLinear(c: number): number {
    const v = Math.min(1, Math.max(0, c));
    return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
}

/** WCAG 2 relative luminance. */
export function luminance(rgb: Rgb): number {
    const [r, g, b] = rgb.map(toLinear);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1..21. */
export function contrast(a: string, b: string): number {
    const [high, low] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
}

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/** Machado et al. 2009, severity 1.0: the matrices for linear RGB. */
const MACHADO: Record<Deficiency, readonly (readonly number[])[]> = {
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
    tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]]
};

/** How a colour looks to a reader with the deficiency (sRGB 0..1). */
export function simulate(rgb: Rgb, deficiency: Deficiency): Rgb {
    const linear = rgb.map(toLinear);
    return MACHADO[deficiency].map(row => fromLinear(row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])) as unknown as Rgb;
}

/** CIELAB (D65) of an sRGB colour. */
export function lab(rgb: Rgb): [number, number, number] {
    const [r, g, b] = rgb.map(toLinear);
    const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
    const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
    const f = (t: number) => t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116;
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The CIEDE2000 difference of two CIELAB colours (kL = kC = kH = 1). */
export function deltaE2000(lab1: readonly number[], lab2: readonly number[]): number {
    const [l1, a1, b1] = lab1;
    const [l2, a2, b2] = lab2;
    const rad = Math.PI / 180;
    const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
    const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
    const a1p = (1 + g) * a1;
    const a2p = (1 + g) * a2;
    const c1p = Math.hypot(a1p, b1);
    const c2p = Math.hypot(a2p, b2);
    const hue = (b: number, a: number) => (a === 0 && b === 0) ? 0 : (Math.atan2(b, a) / rad + 360) % 360;
    const h1p = hue(b1, a1p);
    const h2p = hue(b2, a2p);
    const dLp = l2 - l1;
    const dCp = c2p - c1p;
    let dhp = 0;
    if (c1p * c2p !== 0) {
        dhp = h2p - h1p;
        if (dhp > 180) {
            dhp -= 360;
        } else if (dhp < -180) {
            dhp += 360;
        }
    }
    const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(dhp * rad / 2);
    const lBarp = (l1 + l2) / 2;
    const cBarp = (c1p + c2p) / 2;
    let hBarp = h1p + h2p;
    if (c1p * c2p !== 0) {
        hBarp = Math.abs(h1p - h2p) <= 180 ? (h1p + h2p) / 2 : (h1p + h2p + (h1p + h2p < 360 ? 360 : -360)) / 2;
    }
    const t = 1 - 0.17 * Math.cos((hBarp - 30) * rad) + 0.24 * Math.cos(2 * hBarp * rad)
        + 0.32 * Math.cos((3 * hBarp + 6) * rad) - 0.2 * Math.cos((4 * hBarp - 63) * rad);
    const dTheta = 30 * Math.exp(-(((hBarp - 275) / 25) ** 2));
    const rc = 2 * Math.sqrt(cBarp ** 7 / (cBarp ** 7 + 25 ** 7));
    const sl = 1 + 0.015 * (lBarp - 50) ** 2 / Math.sqrt(20 + (lBarp - 50) ** 2);
    const sc = 1 + 0.045 * cBarp;
    const sh = 1 + 0.015 * cBarp * t;
    const rt = -Math.sin(2 * dTheta * rad) * rc;
    return Math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh));
}

/** CIEDE2000 between two hex colours, as seen with a deficiency (or with normal vision). */
export function perceivedDifference(a: string, b: string, deficiency?: Deficiency): number {
    const see = (hex: string) => lab(deficiency ? simulate(parseHex(hex), deficiency) : parseHex(hex));
    return deltaE2000(see(a), see(b));
}
