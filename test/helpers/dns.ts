// A real authoritative DNS server on loopback (UDP) serving TXT records that a
// test sets, so custom-domain verification runs against actual DNS queries.
import dns2 from 'dns2';

export async function startDns() {
  const records = new Map<string, string[]>();
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request: any, send: (r: any) => void) => {
      const response = Packet.createResponseFromRequest(request);
      const [q] = request.questions;
      const values = records.get(String(q.name).toLowerCase());
      if (values && q.type === Packet.TYPE.TXT) {
        for (const data of values) response.answers.push({ name: q.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 1, data } as any);
      } else {
        response.header.rcode = 3; // NXDOMAIN
      }
      send(response);
    },
  });
  const addresses: any = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = addresses?.udp?.port ?? (server.addresses() as any).udp.port;
  return {
    server: `127.0.0.1:${port}`,
    setTxt: (name: string, values: string[]) => records.set(name.toLowerCase(), values),
    close: () => server.close(),
  };
}
