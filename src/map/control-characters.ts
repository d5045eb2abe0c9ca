/**
 * Control characters in user text: C0 (U+0000-U+001F) except tab and line feed, DEL, and C1
 * (U+0080-U+009F). On a terminal they are commands, not text: ESC starts escape sequences that clear the
 * screen, set the window title or write the clipboard (OSC 52), in CI logs too. Every text that comes
 * from a file passes through one of these before it reaches a terminal, a Markdown, CSV or Mermaid file.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Whether a text holds a control character other than tab and line feed. */
export function hasControlCharacter(text: string): boolean {
    return firstControlCharacter(text) !== undefined;
}

/** The first control character of a text, written `U+001B`; undefined when it has none. */
export function firstControlCharacter(text: string): string | undefined {
    CONTROL.lastIndex = 0;
    const found = CONTROL.exec(text);
    return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** For messages: each control character shown as its escape, `\u001b`, so the reader sees what is there. */
export function escapeControlCharacters(text: string): string {
    return text.replace(CONTROL, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** For exports: each control character replaced by U+FFFD, the replacement character. */
export function replaceControlCharacters(text: string): string {
    return text.replace(CONTROL, '\uFFFD');
}
