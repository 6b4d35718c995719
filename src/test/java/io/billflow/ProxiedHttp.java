package io.billflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Plain HTTP/1.1 over a socket bound to a chosen loopback address, so that a test can be a trusted proxy
 * ({@code 127.0.0.2}, application-test.yml) or any other client ({@code 127.0.0.1}) and send the
 * X-Forwarded-* headers a proxy would. One request per connection; redirects are not followed.
 */
public final class ProxiedHttp {

    /** The address application-test.yml trusts as a reverse proxy. */
    public static final String TRUSTED_PROXY = "127.0.0.2";
    /** Any other client: its X-Forwarded-* headers must count for nothing. */
    public static final String UNTRUSTED_CLIENT = "127.0.0.1";

    private final int port;
    private final String from;

    public ProxiedHttp(int port, String from) {
        this.port = port;
        this.from = from;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    public Response post(String path, Map<String, String> headers, String form) {
        return send("POST", path, headers, form);
    }

    public Response send(String method, String path, Map<String, String> headers, String form) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (form != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                        .append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.read();
            in.read(); // CRLF after the chunk
        }
    }
}
