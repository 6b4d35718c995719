package io.billflow.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * How springdoc describes {@code /api/**} (the committed {@code docs/openapi.yaml}, checked by OpenApiDocumentTest;
 * ADR 0008). Documentation only: nothing here changes what a request gets.
 *
 * <ul>
 *   <li>The two ways in that SecurityConfiguration has for {@code /api/**}: HTTP Basic (systems) and the staff
 *   sign-in session (browsers, which send the CSRF token of {@code GET /api/me} on writes).</li>
 *   <li>The error answers every operation can get, as ProblemDetailsAdvice and the security entry points write
 *   them: {@code application/problem+json}.</li>
 *   <li>A document that is the same on every start: operation ids from the controller and method (springdoc's
 *   own {@code get_3} suffixes follow the order beans happen to be found in), schema names made unique from the
 *   type's enclosing classes where two types share a simple name (springdoc would silently let one stand for
 *   both), tags in alphabetical order.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "billflow API", version = "1",
                description = "Reverse-issued Korean e-tax invoices (세금계산서 역발행) and partner settlement. "
                        + "Errors are RFC 9457 problem details; invalid input lists every rejected field under "
                        + "`errors`. Guide with curl examples: docs/api.md."),
        servers = @Server(url = "/", description = "this installation"),
        security = {@SecurityRequirement(name = ApiDocumentation.BASIC), @SecurityRequirement(name = ApiDocumentation.SESSION)})
@SecurityScheme(name = ApiDocumentation.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Staff accounts and groups of Camunda's identity service (systems: group api-clients). "
                + "No CSRF token needed. Failed sign-ins count towards the sign-in throttle.")
@SecurityScheme(name = ApiDocumentation.SESSION, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "JSESSIONID",
        description = "The session of a staff sign-in at /login (browsers). POST, PUT, PATCH and DELETE also "
                + "need the CSRF token: the header and value that GET /api/me returns (csrfHeader, csrfToken).")
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String SESSION = "staffSession";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "#/components/schemas/ProblemDetail";
    static final String VALIDATION_PROBLEM = "#/components/schemas/ValidationProblem";
    private static final String SCHEMAS = "#/components/schemas/";

    /** {@code InvoiceController.search} → {@code invoiceSearch}: stable, and unique unless a controller overloads. */
    @Bean
    OperationCustomizer operationIdsFromControllerAndMethod() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            operation.setOperationId(StringUtils.uncapitalize(controller)
                    + StringUtils.capitalize(handler.getMethod().getName()));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemDetailsUniqueNamesAndOrder() {
        return openApi -> {
            uniqueSchemaNames(openApi);
            problemSchemas(openApi);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    errorAnswers(path, method, operation)));
            uniqueOperationIds(openApi);
            if (openApi.getTags() != null) {
                openApi.getTags().sort(Comparator.comparing(Tag::getName));
            }
        };
    }

    private static void problemSchemas(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        schemas.computeIfAbsent("ProblemDetail", name -> new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri")).addProperty("title", new StringSchema())
                .addProperty("status", new Schema<Integer>().type("integer").format("int32"))
                .addProperty("detail", new StringSchema()).addProperty("instance", new StringSchema().format("uri")));
        Schema<Object> violation = new ObjectSchema()
                .description("One rejected field: its name (a JSON path such as items[0].supplyCost, or a "
                        + "parameter) and why")
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())
                .addProperty("rejectedValue", new Schema<>().description("the value refused, where it may be shown"));
        schemas.put("FieldViolation", violation);
        schemas.put("ValidationProblem", new Schema<>().allOf(List.of(new Schema<>().$ref(PROBLEM),
                new ObjectSchema().addProperty("errors", new ArraySchema().items(
                        new Schema<>().$ref(SCHEMAS + "FieldViolation"))))));
    }

    /** The answers any {@code /api} operation can get besides its own, all problem details. */
    private static void errorAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            responses.putIfAbsent("400", problem("Invalid input: every rejected field under `errors`; nothing "
                    + "was written", VALIDATION_PROBLEM));
        }
        responses.putIfAbsent("401", problem("Not signed in, or wrong credentials", PROBLEM));
        responses.putIfAbsent("403", problem("Signed in, but not in a group allowed here (or a session write "
                + "without its CSRF token)", PROBLEM));
        if (path.contains("{")) {
            responses.putIfAbsent("404", problem("Nothing by that name or id", PROBLEM));
        }
        responses.putIfAbsent("500", problem("Unexpected failure; the cause is in the server's log, never in "
                + "the answer", PROBLEM));
        responses.forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.get$ref() == null) {
                Schema<?> schema = response.getContent() == null ? null : response.getContent().values().stream()
                        .map(MediaType::getSchema).filter(s -> s != null && s.get$ref() != null
                                && !s.get$ref().endsWith("/Object")).findFirst().orElse(null);
                response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(
                        schema != null ? schema : new Schema<>().$ref(code.equals("400") ? VALIDATION_PROBLEM : PROBLEM))));
                if (!StringUtils.hasText(response.getDescription())) {
                    response.setDescription("Problem");
                }
            }
        });
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description, String schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(schema))));
    }

    /** Overloads of one controller method (say one for JSON, one for CSV) share an id: number them by path. */
    private static void uniqueOperationIds(OpenAPI openApi) {
        Map<String, List<Operation>> byId = new LinkedHashMap<>();
        new java.util.TreeMap<>(openApi.getPaths()).forEach((path, item) -> new java.util.TreeMap<>(
                item.readOperationsMap()).forEach((method, operation) ->
                byId.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>()).add(operation)));
        byId.forEach((id, operations) -> {
            for (int i = 1; i < operations.size(); i++) {
                operations.get(i).setOperationId(id + (i + 1));
            }
        });
    }

    /**
     * springdoc runs with {@code use-fqn} (application.yml), so that two types of one simple name get two schemas;
     * here each schema gets back the shortest name that is still unique: the simple name, else the name with its
     * enclosing classes ({@code InvoiceSearch.Page}), else the full one. A class moving between packages changes
     * nothing.
     */
    private static void uniqueSchemaNames(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, String> renamed = new HashMap<>();
        Map<String, Integer> simpleCounts = new HashMap<>();
        Map<String, Integer> nestedCounts = new HashMap<>();
        schemas.keySet().forEach(name -> {
            simpleCounts.merge(shortName(name, false), 1, Integer::sum);
            nestedCounts.merge(shortName(name, true), 1, Integer::sum);
        });
        schemas.keySet().forEach(name -> renamed.put(name,
                simpleCounts.get(shortName(name, false)) == 1 ? shortName(name, false)
                        : nestedCounts.get(shortName(name, true)) == 1 ? shortName(name, true) : name));
        Map<String, Schema> copy = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            schema.setName(renamed.get(name));
            copy.put(renamed.get(name), schema);
        });
        openApi.getComponents().setSchemas(copy);
        Consumer<Schema> retarget = schema -> {
            if (schema.get$ref() != null && schema.get$ref().startsWith(SCHEMAS)) {
                String target = renamed.get(schema.get$ref().substring(SCHEMAS.length()));
                if (target != null) {
                    schema.set$ref(SCHEMAS + target);
                }
            }
        };
        copy.values().forEach(schema -> walk(schema, retarget));
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> walk(p.getSchema(), retarget));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(m -> walk(m.getSchema(), retarget));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().values().forEach(m -> walk(m.getSchema(), retarget));
                    }
                });
            }
        }));
    }

    /**
     * A fully qualified schema name without its packages: {@code io.billflow.invoice.application.InvoiceSearch.Page}
     * → {@code InvoiceSearch.Page} (nested) or {@code Page}; a generic type's parts are each shortened
     * ({@code …PartnerSearch.PageIo.billflow…PartnerView} → {@code PagePartnerView}).
     */
    static String shortName(String fqn, boolean nested) {
        StringBuilder name = new StringBuilder();
        for (String part : fqn.split("(?=(Io|Org|Com|Java)\\.[a-z])")) {
            List<String> classes = new ArrayList<>();
            for (String segment : StringUtils.uncapitalize(part).split("[.$]")) {
                if (!segment.isEmpty() && Character.isUpperCase(segment.charAt(0))) {
                    classes.add(segment);
                }
            }
            if (classes.isEmpty()) {
                name.append(part);
            } else {
                name.append(nested ? String.join(".", classes) : classes.get(classes.size() - 1));
            }
        }
        return name.toString();
    }

    private static void walk(Schema<?> schema, Consumer<Schema> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> walk(s, visit));
        }
        walk(schema.getItems(), visit);
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            walk(additional, visit);
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                schema.getPrefixItems())) {
            if (group != null) {
                group.forEach(s -> walk(s, visit));
            }
        }
        walk(schema.getNot(), visit);
    }
}
