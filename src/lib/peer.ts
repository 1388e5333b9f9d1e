// A connection's peer address, read once per connection: a keep-alive
// connection carries many requests, and Node's remoteAddress getter (through
// the socket's handle) showed in the serving profile, costing more than
// copying the rest of a pageview's facts.
import type { Socket } from 'node:net';

const peers = new WeakMap<Socket, string>();

/** The socket's remote address ('' while it has none). */
export function peerOf(socket: Socket): string {
  let peer = peers.get(socket);
  if (peer === undefined) {
    peer = socket.remoteAddress ?? '';
    if (peer) peers.set(socket, peer);
  }
  return peer;
}
