// The development bridge's names, shared by its server (main/dev-bridge) and its client in the
// renderer's bridge build: the header that carries the token and the <meta> that hands it to the page.
export const BRIDGE_TOKEN_HEADER = 'x-doctor-bridge-token';
export const BRIDGE_TOKEN_META = 'doctor-bridge-token';
