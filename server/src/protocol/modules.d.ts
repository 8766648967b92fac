/**
 * The vscode-languageserver 10 / vscode-jsonrpc 10 packages publish their types only through
 * package.json "exports", which TypeScript's `node10` resolution (module: commonjs) ignores.
 * These declarations point the package entry points at their typings so the server and tests
 * compile; at run time Node resolves the same names through "exports".
 * (Setting "module"/"moduleResolution": "node16" in tsconfig.json would make this file unnecessary.)
 */
declare module 'vscode-languageserver' {
  export * from 'vscode-languageserver/lib/common/api';
}
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
