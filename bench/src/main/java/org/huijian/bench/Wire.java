package org.huijian.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 keep-alive connection over TLS, used by one thread at a time with blocking reads and writes: the
 * rush's load without the JDK client's hand-offs between its selector, executor and caller threads, which cost the
 * driver about half a core at 1,000 requests/s on the two cores it shares with the site. A lawyer's browser sends
 * the same request on its own open connection.
 */
final class Wire implements AutoCloseable {
    /** An answer: status and body (UTF-8). */
    record Answer(int status, String body) {
    }

    private final SSLContext tls;
    private final String host;
    private final int port;
    private SSLSocket socket;
    private InputStream in;
    private OutputStream out;

    Wire(SSLContext tls, String base) {
        URI uri = URI.create(base);
        this.tls = tls;
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** Sends one request (JSON body or none) as the session, reads the whole answer; opens the connection if needed. */
    Answer exchange(String method, String path, Rush.Session session, String json) throws IOException {
        if (socket == null) {
            open();
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(320).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\nAccept: application/json\r\n");
        if (session != null) {
            head.append("Cookie: ").append(session.cookie()).append("\r\nX-CSRF-Token: ").append(session.csrf()).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException e) {
            close(); // the next exchange opens a new connection; this one's answer is lost, and counted by the caller
            throw e;
        }
    }

    private void open() throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(host, port);
        try {
            s.setTcpNoDelay(true);
            s.startHandshake();
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(s.getOutputStream(), 4 * 1024);
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private Answer read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        if (chunked) {
            for (int size = Integer.parseInt(chunkSize(line()), 16); size > 0;
                    size = Integer.parseInt(chunkSize(line()), 16)) {
                copy(size, body);
                if (!line().isEmpty()) {
                    throw new IOException("a chunk does not end with CRLF");
                }
            }
            while (!line().isEmpty()) { // trailer
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            throw new IOException("an answer without length on a kept-alive connection");
        }
        if (closes) {
            close();
        }
        return new Answer(code, body.toString(StandardCharsets.UTF_8));
    }

    private static String chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
    }

    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[4096];
        while (n > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (r < 0) {
                throw new EOFException("the connection closed inside an answer");
            }
            to.write(buffer, 0, r);
            n -= r;
        }
    }

    /** One header line (ISO-8859-1) without its CRLF. */
    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed before a whole answer came");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
