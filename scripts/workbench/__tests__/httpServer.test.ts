import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cookieValue, HOST, listen } from '../server/httpServer';

describe('listen', () => {
  it('serves on 127.0.0.1 and says clearly when the port is taken', async () => {
    const first = createServer();
    const url = await listen(first, 0);
    expect(url.startsWith(`http://${HOST}:`)).toBe(true);
    const { port } = first.address() as AddressInfo;
    const second = createServer();
    await expect(listen(second, port)).rejects.toThrow(`Port ${port} on ${HOST} is already in use`);
    await new Promise((resolve) => first.close(resolve));
  });
});

describe('cookieValue', () => {
  it('reads one cookie among several, decoded', () => {
    expect(cookieValue('a=1; wb_user=seller%201; b=2', 'wb_user')).toBe('seller 1');
    expect(cookieValue(undefined, 'wb_user')).toBeUndefined();
  });
});
