import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { checkFolder } from './cli-util.js';
import { JourneyFolder } from './journey-folder.js';
import { createJourneyMcpServer } from './mcp/mcp-server.js';
import { WorkspaceTools } from './mcp/workspace-tools.js';

/**
 * `journey mcp [folder]`: a Model Context Protocol server on standard input and output for AI assistants,
 * read-only, on every `.journey` file under a folder (mcp/mcp-server.ts). Standard output carries the
 * protocol only; warnings go to standard error. Resolves when the client closes the connection.
 */
export async function mcp(folderArg: string, version: string, warn: (text: string) => void): Promise<number> {
    await checkFolder(folderArg, 'mcp serves every journey under a folder');
    // Messages name files relative to the working directory: the folder's files by their paths in it.
    process.chdir(folderArg);
    const folder = await JourneyFolder.open('.', warn);
    const server = createJourneyMcpServer(new WorkspaceTools(folder), version);
    const transport = new StdioServerTransport();
    const closed = new Promise<void>(resolve => {
        transport.onclose = resolve;
        process.stdin.once('end', resolve);
    });
    await server.connect(transport);
    await closed;
    await server.close();
    return 0;
}
