// tsc emits code only; topic and configuration files are data read at run time, so the build ships them beside it.
import { cpSync } from 'node:fs';

cpSync('topics', 'dist/topics', { recursive: true });
cpSync('config', 'dist/config', { recursive: true });
