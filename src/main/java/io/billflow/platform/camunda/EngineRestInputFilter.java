package io.billflow.platform.camunda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.ProblemDetailsAdvice;
import io.billflow.platform.web.input.PlainText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * ADR 0004 in front of Camunda's REST APIs ({@code /engine-rest} and the webapps' {@code /camunda/api}),
 * which Jersey serves with its own JSON reader and which answer a broken value with a 500 and an
 * {@code ENGINE-…} text. Before the engine sees a JSON body: every string is {@link PlainText}
 * (multi-line, at most 4,000 characters — the engine's text column), typed variables are only the
 * primitive types (no {@code Object}: billflow's processes hold ids and flags, and a serialized object
 * is a deserialization gadget waiting for a format), and adding a user to a group he is already in is a
 * 409, not a duplicate-key 500.
 */
public class EngineRestInputFilter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    static final int MAX_TEXT = 4_000;
    static final Set<String> PRIMITIVE_TYPES = Set.of("string", "boolean", "short", "integer", "long", "double",
            "date", "null");
    static final Pattern MEMBERSHIP = Pattern.compile(".*/group/([^/]+)/members/([^/]+)/?$");

    private final ObjectMapper json;
    private final IdentityService identity;

    public EngineRestInputFilter(ObjectMapper json, IdentityService identity) {
        this.json = json.copy();
        this.json.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if ("PUT".equals(method)) {
            Matcher member = MEMBERSHIP.matcher(request.getRequestURI());
            if (member.matches() && alreadyMember(decode(member.group(2)), decode(member.group(1)))) {
                problem(response, 409, "Already a member of this group",
                        List.of(FieldViolation.of("userId", "is already a member of group " + decode(member.group(1)))));
                return;
            }
        }
        String type = request.getContentType();
        boolean body = ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))
                && type != null && type.toLowerCase(Locale.ROOT).contains("json");
        if (!body) {
            chain.doFilter(request, response);
            return;
        }
        byte[] content = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (content.length > MAX_BODY_BYTES) {
            problem(response, 413, "The request body is larger than " + MAX_BODY_BYTES + " bytes", List.of());
            return;
        }
        if (content.length > 0) {
            JsonNode tree;
            try {
                tree = json.readTree(content);
            } catch (IOException e) {
                problem(response, 400, "The request has invalid fields: body",
                        List.of(FieldViolation.of("body", "is not valid JSON")));
                return;
            }
            List<FieldViolation> violations = new ArrayList<>();
            check(tree, "", violations);
            if (!violations.isEmpty()) {
                problem(response, 400, "The request has invalid fields: " + violations.stream()
                        .map(FieldViolation::field).distinct().reduce((a, b) -> a + ", " + b).orElse(""), violations);
                return;
            }
        }
        chain.doFilter(new CachedBody(request, content), response);
    }

    private boolean alreadyMember(String userId, String groupId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    private static void check(JsonNode node, String path, List<FieldViolation> violations) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            PlainText.problem(node.asText(), true, MAX_TEXT)
                    .ifPresent(reason -> violations.add(FieldViolation.of(path.isEmpty() ? "body" : path, reason)));
        } else if (node.isObject()) {
            JsonNode typeName = node.get("type");
            if (typeName != null && typeName.isTextual() && (node.has("value") || node.has("valueInfo"))
                    && !PRIMITIVE_TYPES.contains(typeName.asText().toLowerCase(Locale.ROOT))) {
                violations.add(FieldViolation.of(path.isEmpty() ? "body" : path, "variables of type "
                        + typeName.asText() + " are not accepted: String, Boolean, Short, Integer, Long, Double,"
                        + " Date or Null (billflow's processes hold ids and flags)"));
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                PlainText.problem(field.getKey(), false, 255)
                        .ifPresent(reason -> violations.add(FieldViolation.of(path.isEmpty() ? "body" : path,
                                "has a field name that " + reason)));
                check(field.getValue(), here, violations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    private void problem(HttpServletResponse response, int status, String detail, List<FieldViolation> violations)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", status == 400 ? ProblemDetailsAdvice.VALIDATION_TYPE.toString() : "about:blank");
        body.put("title", status == 400 ? "Invalid input" : status == 409 ? "Conflict" : "Payload too large");
        body.put("status", status);
        body.put("detail", detail);
        if (!violations.isEmpty()) {
            body.put("errors", violations);
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The request with its body read once here and replayed to Jersey. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] content;

        CachedBody(HttpServletRequest request, byte[] content) {
            super(request);
            this.content = content;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(content);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return content.length;
        }

        @Override
        public long getContentLengthLong() {
            return content.length;
        }
    }
}
