package io.billflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real HTTP client for the tests: one cookie jar per instance (a browser), redirects not
 * followed, so that every 302/401/403 the server sends is visible.
 */
public final class TestHttp {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public TestHttp(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The value of a cookie the server set, e.g. Camunda's {@code XSRF-TOKEN}. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .reduce((first, second) -> second).map(java.net.HttpCookie::getValue)
                .orElseThrow(() -> new IllegalStateException("no cookie " + name));
    }

    /** A form POST from a Camunda webapp: its CSRF token travels in {@code X-XSRF-TOKEN}. */
    public HttpResponse<String> postCamunda(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A JSON POST from a Camunda webapp (Tasklist submitting a form): session cookie plus {@code X-XSRF-TOKEN}. */
    public HttpResponse<String> postCamundaJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> getBasic(String path, String user, String password) {
        return send(request(path).header("Authorization", basic(user, password)).GET().build());
    }

    /** A GET whose body is binary, e.g. a PDF; {@code user} null sends no credentials. */
    public HttpResponse<byte[]> getBytes(String path, String user, String password) {
        HttpRequest.Builder builder = request(path).GET();
        if (user != null) {
            builder.header("Authorization", basic(user, password));
        }
        return send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postJson(String path, String json, String user, String password) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            builder.header("Authorization", basic(user, password));
        }
        return send(builder.build());
    }

    public HttpResponse<String> putJson(String path, String json, String user, String password) {
        return send(request(path).header("Content-Type", "application/json").header("Authorization", basic(user, password))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A PUT with this browser's cookies only (a portal session, or nobody). */
    public HttpResponse<String> putJsonWithoutCredentials(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code user} null sends this browser's cookies only (a portal session, or nobody). */
    public HttpResponse<String> deleteBasic(String path, String user, String password) {
        HttpRequest.Builder builder = request(path).DELETE();
        if (user != null) {
            builder.header("Authorization", basic(user, password));
        }
        return send(builder.build());
    }

    /** A multipart/form-data upload of one file part named {@code file}. */
    public HttpResponse<String> upload(String path, String fileName, byte[] content, String user, String password) {
        return multipart(path, java.util.Map.of("file", new FilePart(fileName, content)), java.util.Map.of(), user, password);
    }

    /** A file in a multipart request. */
    public record FilePart(String fileName, byte[] content) {
    }

    /** A multipart/form-data POST with file parts and plain fields; Basic auth when {@code user} is given. */
    public HttpResponse<String> multipart(String path, java.util.Map<String, FilePart> files,
                                          java.util.Map<String, String> fields, String user, String password) {
        String boundary = "----billflow" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        files.forEach((name, file) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            builder.header("Authorization", basic(user, password));
        }
        return send(builder.build());
    }

    /** The CSRF token of the first form on a page (Thymeleaf adds it to every form). */
    public static String csrfOf(String page) {
        Matcher csrf = CSRF_FIELD.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("page has no CSRF field");
        }
        return csrf.group(1);
    }

    public HttpResponse<byte[]> postBytes(String path, String user, String password) {
        return send(request(path).header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postForm(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Signs in through the staff login page, as a browser would (CSRF token from the form). */
    public HttpResponse<String> login(String user, String password) {
        String page = get("/login").body();
        Matcher csrf = CSRF_FIELD.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("login page has no CSRF field");
        }
        return postForm("/login", "username=" + encode(user) + "&password=" + encode(password)
                + "&_csrf=" + encode(csrf.group(1)));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
