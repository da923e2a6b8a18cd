package org.lodestar.benchmark;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The load benchmark's client: one kept-alive HTTP/1.1 connection to the loopback address, used by one thread, which
 * writes a GET, reads the answer to its end (sized or chunked, not decompressed) and goes on with the same socket. No
 * selector thread, no hand-over between threads, no header maps: measured against {@code java.net.http.HttpClient}
 * (50 threads calling {@code send}, whose answers pass through its selector thread and executor), it spends a fraction
 * of the processor per request, which on the two cores the server shares with it is what the server was starved of.
 * Opens a new connection when the server closed the old one (Tomcat closes a connection after 100 requests).
 */
final class KeepAliveClient implements Closeable {

    /** Status and body length (as sent, so compressed when compressed) of one answer. */
    record Answer(int status, long bytes) {}

    private final InetSocketAddress server;
    private final byte[] request;
    private final int timeoutMillis;
    private final byte[] skip = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param cookie the {@code Cookie} header's value, or null */
    KeepAliveClient(InetSocketAddress server, String path, String cookie, int timeoutMillis) {
        this.server = server;
        this.timeoutMillis = timeoutMillis;
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                        + "\r\nAccept: text/html,*/*\r\nAccept-Encoding: gzip\r\nAccept-Language: en\r\n"
                        + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    Answer get() throws IOException {
        boolean fresh = socket == null;
        if (fresh) {
            connect();
        }
        try {
            return exchange();
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            connect(); // the server closed a kept connection: once more on a new one
            return exchange();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(server, timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Answer exchange() throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closing = value.equalsIgnoreCase("close");
            }
        }
        long bytes = 0;
        if (chunked) {
            for (long size = chunk(); size > 0; size = chunk()) {
                bytes += size;
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(length);
            bytes = length;
        } else if (length < 0 && status != 304 && status != 204) {
            closing = true; // ends when the server closes
            for (int read = in.read(skip); read >= 0; read = in.read(skip)) {
                bytes += read;
            }
        }
        if (closing) {
            close();
        }
        return new Answer(status, bytes);
    }

    private long chunk() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Long.parseLong(
                extension < 0 ? size.trim() : size.substring(0, extension).trim(), 16);
    }

    private void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            int read = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (read < 0) {
                throw new EOFException("answer cut short");
            }
            left -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
