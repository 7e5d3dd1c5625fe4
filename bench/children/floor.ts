// Benchmark child: `node floor.cjs OUT.json FILE`: the floor — read the file and count its
// newline bytes, nothing else.
import { createReadStream } from 'node:fs';
import { runChild, writeChildResult } from './report';

runChild(async () => {
  const [out, file] = process.argv.slice(2);
  let newlines = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) newlines++;
  }
  writeChildResult(out, { newlines, bytes });
});
