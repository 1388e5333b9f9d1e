// A connection's peer address, read once per connection: a keep-alive
// connection carries many requests, and Node's remoteAddress getter (through
// the socket's handle) showed in the serving profile, costing more than
// copying the rest of a pageview's facts. Kept on the socket itself under a
// symbol: every socket gets it on its first request, so the look-up is a
// plain property read (a WeakMap look-up hashes the socket, on every request).
import type { Socket } from 'node:net';

const PEER = Symbol('atrium.peer');
type WithPeer = Socket & { [PEER]?: string };

/** The socket's remote address ('' while it has none). */
export function peerOf(socket: Socket): string {
  const s = socket as WithPeer;
  let peer = s[PEER];
  if (peer === undefined) {
    peer = socket.remoteAddress ?? '';
    if (peer) s[PEER] = peer;
  }
  return peer;
}
