/** Entry of the entity tagger process that the language server starts (see tagger.ts). */
import { serve } from './tagger';

if (!process.send) {
  process.stderr.write('corpus-lint: the entity tagger runs as a child process of the language server (Node IPC)\n');
  process.exit(2);
}
serve();
