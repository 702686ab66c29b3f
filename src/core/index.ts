// The pure domain layer in one import for the server, the web client and the CLI.
export * from './code-lists';
export * from './password';
export * from './phone';
export * from './quotas';
export * from './search-keys';
export * from './working-year';
