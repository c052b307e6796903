import type { CommandModule } from 'yargs';
import { dataCommand } from './data.js';

/**
 * All `viso` commands. Each module may import only light code statically;
 * heavy modules are imported inside handlers.
 */
export const commands: CommandModule<any, any>[] = [dataCommand];
