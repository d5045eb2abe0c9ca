import { homedir } from 'node:os';
import * as path from 'node:path';
import type { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { JourneyModuleContext } from '../journey-module.js';
import { JourneyWorkspaceManager } from './journey-workspace-manager.js';

/**
 * The workspace of the Node server, on the machine's disk: a workspace that is a whole disk or the home
 * folder is never searched to the bottom (it would read every file the user has); the files beside each
 * opened file are loaded instead.
 */
export class NodeWorkspaceManager extends JourneyWorkspaceManager {
    protected override isSearchable(root: URI): boolean {
        return !isDiskOrHome(root);
    }
}

/** The host of the Node server (`journey-language-server`, VS Code's desktop extension): Node's file system. */
export const JourneyNodeHost: Omit<JourneyModuleContext, 'connection'> = {
    ...NodeFileSystem,
    workspaceManager: shared => new NodeWorkspaceManager(shared)
};

function isDiskOrHome(folder: URI): boolean {
    if (folder.scheme !== 'file') {
        return false;
    }
    const resolved = path.resolve(folder.fsPath);
    return path.parse(resolved).root === resolved || resolved === path.resolve(homedir());
}
