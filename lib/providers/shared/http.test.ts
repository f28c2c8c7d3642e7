/**
 * The HTTP client's one promise: a failure is `not-sent` only when no byte of the request can have reached
 * the gateway. Each case talks to a raw TCP server on loopback that misbehaves in one way.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { httpRequest } from "./http";

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A TCP server whose connections `onConnection` handles; resolves with its URL and what it received. */
async function tcpServer(onConnection: (socket: net.Socket, received: () => string) => void) {
  let received = "";
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    onConnection(socket, () => received);
  });
  const originalClose = server.close.bind(server);
  server.close = ((callback?: (error?: Error) => void) => {
    for (const socket of sockets) socket.destroy();
    return originalClose(callback);
  }) as typeof server.close;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}/path?x=1`, received: () => received };
}

/** Answers every complete request head with `reply`. */
const answering = (reply: string) => (socket: net.Socket, received: () => string) =>
  socket.on("data", () => {
    if (received().includes("\r\n\r\n")) socket.write(reply);
  });

describe("httpRequest", () => {
  it("returns the status, headers and body of a reply, and sends the method, path, headers and body", async () => {
    const server = await tcpServer(answering("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 5\r\n\r\nslow!"));
    const response = await httpRequest({ method: "POST", url: server.url, headers: { "x-key": "k1" }, body: "a=ü", timeoutMs: 2000 });
    expect(response).toMatchObject({ kind: "response", status: 429, body: "slow!" });
    expect(response.kind === "response" && response.headers["retry-after"]).toBe("7");
    expect(server.received()).toMatch(/^POST \/path\?x=1 HTTP\/1\.1\r\n/);
    expect(server.received()).toMatch(/x-key: k1\r\n/i);
    expect(server.received()).toMatch(/content-length: 4\r\n/i);
  });

  it("is not-sent when the gateway's TLS certificate cannot be verified (nothing was sent in the clear)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "http-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
    let requests = 0;
    const server = https.createServer({ key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) }, (_req, res) => {
      requests++;
      res.end("OK");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as net.AddressInfo;
      const response = await httpRequest({ method: "GET", url: `https://127.0.0.1:${port}/send`, timeoutMs: 2000 });
      expect(response).toMatchObject({ kind: "not-sent", reason: expect.stringMatching(/certificate/i) });
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is not-sent when the connection is refused", async () => {
    const server = await tcpServer(() => {});
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const response = await httpRequest({ method: "GET", url: server.url, timeoutMs: 2000 });
    expect(response).toMatchObject({ kind: "not-sent" });
  });

  it("is not-sent for an invalid URL or another protocol", async () => {
    expect(await httpRequest({ method: "GET", url: "not a url", timeoutMs: 100 })).toEqual({ kind: "not-sent", reason: "invalid URL" });
    expect(await httpRequest({ method: "GET", url: "ftp://127.0.0.1/x", timeoutMs: 100 })).toEqual({ kind: "not-sent", reason: "unsupported protocol ftp:" });
  });

  it("is not-sent, and sends nothing, when aborted before it starts", async () => {
    const server = await tcpServer(answering("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
    const response = await httpRequest({ method: "GET", url: server.url, timeoutMs: 2000, signal: AbortSignal.abort() });
    expect(response).toEqual({ kind: "not-sent", reason: "aborted" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.received()).toBe("");
  });

  it("is maybe-sent when the gateway takes the request and never answers", async () => {
    const server = await tcpServer(() => {});
    const response = await httpRequest({ method: "GET", url: server.url, timeoutMs: 300 });
    expect(response).toEqual({ kind: "maybe-sent", reason: "no reply within 300 ms" });
    expect(server.received()).toMatch(/^GET \/path/);
  });

  it("is maybe-sent when aborted while waiting for the reply", async () => {
    const server = await tcpServer(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const response = await httpRequest({ method: "GET", url: server.url, timeoutMs: 5000, signal: controller.signal });
    expect(response).toEqual({ kind: "maybe-sent", reason: "aborted" });
  });

  it("is maybe-sent when the connection drops after the request, with or without part of a reply", async () => {
    const dropped = await tcpServer((socket, received) => socket.on("data", () => received().includes("\r\n\r\n") && socket.destroy()));
    expect(await httpRequest({ method: "GET", url: dropped.url, timeoutMs: 2000 })).toMatchObject({ kind: "maybe-sent" });
    const cut = await tcpServer((socket, received) =>
      socket.on("data", () => received().includes("\r\n\r\n") && socket.end("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part")),
    );
    const response = await httpRequest({ method: "GET", url: cut.url, timeoutMs: 2000 });
    expect(response).toMatchObject({ kind: "maybe-sent", reason: expect.stringMatching(/^reply interrupted/) });
  });

  it("cuts off a reply larger than 4 MB as maybe-sent", async () => {
    const huge = 5 * 1024 * 1024;
    const server = await tcpServer(answering(`HTTP/1.1 200 OK\r\nContent-Length: ${huge}\r\n\r\n${"x".repeat(huge)}`));
    const response = await httpRequest({ method: "GET", url: server.url, timeoutMs: 5000 });
    expect(response).toEqual({ kind: "maybe-sent", reason: `reply larger than ${4 * 1024 * 1024} bytes` });
  });

  it("is not-sent when the time runs out before a connection slot frees up", async () => {
    // 64 connections per origin: the 65th request waits in the queue and never reaches the socket.
    const server = await tcpServer(() => {});
    const hanging = Array.from({ length: 64 }, () => httpRequest({ method: "GET", url: server.url, timeoutMs: 1500 }));
    const queued = await httpRequest({ method: "GET", url: server.url, timeoutMs: 300 });
    expect(queued).toEqual({ kind: "not-sent", reason: "no reply within 300 ms" });
    expect((await Promise.all(hanging)).every((r) => r.kind === "maybe-sent")).toBe(true);
    // When a slot frees, the abandoned request is dropped, not written.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.received().match(/GET \/path/g)).toHaveLength(64);
  });
});
