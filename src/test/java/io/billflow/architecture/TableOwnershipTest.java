package io.billflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one module, and only that module's code names it in SQL: a cross-module read goes through
 * the owner's api (a query interface, or a copy the owner's events keep, like {@code settlement_partner}). A new
 * table must be given an owner here, or this test fails.
 */
class TableOwnershipTest {

    private static final Map<String, List<String>> TABLES_OF = Map.of(
            "platform", List.of("audit_log", "one_time_code", "rate_limit_counter"),
            "calendar", List.of("business_holiday", "business_holiday_removed"),
            "notification", List.of("alimtalk_template", "mail_outbox", "notification_preference",
                    "notification_message"),
            "partner", List.of("buyer_company", "partner", "partner_contact_change", "partner_email"),
            "certificate", List.of("certificate_expiry_reminder", "certificate_password_failures",
                    "certificate_registration", "certificate_signature_audit"),
            "invoice", List.of("invoice_bulk_job", "nts_transmission", "tax_invoice", "tax_invoice_detail",
                    "tax_invoice_document", "tax_invoice_history"),
            "settlement", List.of("settlement_group", "settlement_group_contact",
                    "settlement_group_media", "settlement_partner", "settlement_payout", "settlement_payout_account",
                    "settlement_payout_change_request", "settlement_report", "settlement_report_history",
                    "settlement_report_line", "settlement_task_decision",
                    "settlement_verification_mobile_change"),
            "portal", List.of("portal_invitation"));

    private static final Pattern CREATED = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
    private static final Pattern RENAMED = Pattern.compile("(?i)alter table (?:if exists )?[a-z_]+ rename to ([a-z_]+)");
    private static final Pattern DROPPED = Pattern.compile("(?i)drop table (?:if exists )?([a-z_]+)");
    private static final Pattern NAMED_IN_SQL =
            Pattern.compile("(?i)\\b(?:from|join|update|into)\\s+([a-z_]+)\\b");
    private static final Path MAIN = Path.of("src/main/java/io/billflow");

    @Test
    void everyTableOfTheMigrationsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            // in version order: a table dropped by a later migration is gone
            for (Path migration : migrations.sorted(Comparator.comparingInt(TableOwnershipTest::version)).toList()) {
                String sql = Files.readString(migration);
                collect(CREATED.matcher(sql), created);
                collect(RENAMED.matcher(sql), created);
                Matcher dropped = DROPPED.matcher(sql);
                while (dropped.find()) {
                    created.remove(dropped.group(1).toLowerCase());
                }
            }
        }
        Set<String> owned = TABLES_OF.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        List<String> live = created.stream().filter(t -> !t.startsWith("act_") && !t.startsWith("flyway")).toList();
        assertThat(owned).as("tables owned here").containsAll(live);
        assertThat(live).as("no owner for a table that is gone").containsAll(owned);
    }

    @Test
    void noModuleNamesAnotherModulesTableInSql() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = MAIN.relativize(file).getName(0).toString();
                String[] lines = read(file).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    Matcher named = NAMED_IN_SQL.matcher(lines[i]);
                    while (named.find()) {
                        String owner = ownerOf(named.group(1).toLowerCase());
                        if (owner != null && !owner.equals(module)) {
                            foreign.add(module + " reads " + owner + "." + named.group(1) + " at "
                                    + MAIN.relativize(file) + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(foreign).as("SQL naming another module's table").isEmpty();
    }

    @Test
    void theCheckFindsAForeignRead() {
        Matcher named = NAMED_IN_SQL.matcher("select state_code from tax_invoice where id = ?");
        assertThat(named.find()).isTrue();
        assertThat(ownerOf(named.group(1))).isEqualTo("invoice");
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String ownerOf(String table) {
        return TABLES_OF.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1).toLowerCase());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
