import { createInterface } from 'node:readline';

/** Reads a password: from stdin when piped, else from a prompt that does not echo. */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Hide what is typed: overwrite the echo of each key.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void });
  write._writeToOutput = (s: string) => {
    if (s.includes(prompt)) process.stderr.write(prompt);
  };
  const answer = await new Promise<string>((res) => rl.question(prompt, res));
  rl.close();
  process.stderr.write('\n');
  return answer;
}
