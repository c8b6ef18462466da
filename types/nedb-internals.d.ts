/** The parts of NeDB's internals the embedded store's compound indexes use (pinned versions). */
declare module '@seald-io/binary-search-tree' {
  export class AVLTree {
    constructor(options: { unique?: boolean; compareKeys?: (a: never, b: never) => number; checkValueEquality?: (a: unknown, b: unknown) => boolean });
  }
}
declare module '@seald-io/nedb/lib/model.js';
