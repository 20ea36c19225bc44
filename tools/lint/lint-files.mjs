// Lints the given files with ESLint's Node API and the repository's eslint.config.mjs, ignores
// off (the boundary fixtures are kept out of `eslint .`), and prints the results as JSON. A
// separate process because jest's module sandbox cannot load an ES module config.
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd(), ignore: false });
const results = await eslint.lintFiles(process.argv.slice(2));
process.stdout.write(JSON.stringify(results.map(({ filePath, messages }) => ({ filePath, messages }))));
